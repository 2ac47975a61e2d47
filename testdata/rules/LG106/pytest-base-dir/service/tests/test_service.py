# pytest puts service/ on sys.path for this module (the first directory up without __init__.py): this `tests` is
# service/tests, not the root's, whenever the run imported it first (`cd service && pytest`)
from tests.helpers import b


def test_b():
    assert b == 2
