import pytest


@pytest.mark.slow
def test_b():
    pass
