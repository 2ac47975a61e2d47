import pytest


@pytest.mark.slow
def test_d():
    pass
