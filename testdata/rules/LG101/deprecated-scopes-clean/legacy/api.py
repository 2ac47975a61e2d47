from typing_extensions import deprecated


@deprecated("old_api() is replaced by new_api()")
def old_api():
    # a deprecated function may use what is deprecated
    from legacy.helpers import old_helper
    from legacy.store import OldStore
    return old_helper(), OldStore


def new_api():
    from legacy.helpers import scaled
    return scaled(2)
