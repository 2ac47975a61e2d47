import pytest


@pytest.mark.slow
def test_a():
    pass
