from tests.helpers import gone  # expect: LG106 "module `tests.helpers` has no `gone`"


def test_gone():
    assert gone
