from tests.helpers import a


def test_a():
    assert a == 1
