import legacy.helpers


def test_old_helper():
    assert legacy.helpers.old_helper()
