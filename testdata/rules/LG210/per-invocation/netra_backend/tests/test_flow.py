import pytest


@pytest.mark.golden_path  # expect: LG210 "when run from the repository root (pytest.ini, strict markers"
def test_flow():
    pass
