import pytest


@pytest.mark.slow
@pytest.mark.db
def test_a():
    pass
