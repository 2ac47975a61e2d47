# the project's own tests of its deprecated API
from legacy.helpers import old_helper


def test_old_helper():
    assert old_helper() == 1
