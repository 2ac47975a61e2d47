import pytest


@pytest.mark.acme_slow
def test_acme():
    pass
