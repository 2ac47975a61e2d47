import pytest


@pytest.mark.golden_path  # expect: LG210 "when run from the repository root (pytest.ini, strict markers: collection fails)"
@pytest.mark.integration  # expect: LG210 "when run as `pytest netra_backend/tests` (netra_backend/pytest.ini, strict markers"
def test_checkout_flow():
    assert True
