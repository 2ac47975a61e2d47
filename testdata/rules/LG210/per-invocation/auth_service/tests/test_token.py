import pytest


@pytest.mark.golden_path  # expect: LG210 "when run as `pytest auth_service/tests` (auth_service/pytest.ini"
def test_token():
    pass
