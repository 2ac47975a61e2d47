import pytest


@pytest.mark.order(1)
def test_o():
    pass
