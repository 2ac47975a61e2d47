import pytest


@pytest.mark.golden_path  # expect: LG210 "nor when run as `pytest auth_service/tests` (auth_service/pytest.ini"
def test_token_refresh():
    assert True
