from typing_extensions import deprecated


@deprecated("old_helper() is slow")
def old_helper():
    return 1
