from typing_extensions import deprecated


@deprecated("old_helper() is slow; use fast_helper()")
def old_helper():
    return 1


def fast_helper():
    # the project's own code that is not deprecated: its users get the warning when this runs
    from legacy.helpers import old_helper  # expect: LG101 "runs when `fast_helper()` is called"
    return old_helper()
