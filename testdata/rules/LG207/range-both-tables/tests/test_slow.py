import pytest


@pytest.mark.slow
def test_slow():
    pass
