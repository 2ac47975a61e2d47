import pytest


@pytest.mark.golden_path
def test_token_refresh():
    assert True
