from typing import overload

from typing_extensions import deprecated


@deprecated("old_helper() is slow; use fast_helper()")
def old_helper():
    return 1


def fast_helper():
    return 2


# only calling with `n=` is deprecated, not the function: importing it deprecates nothing (PEP 702)
@overload
@deprecated("pass n positionally")
def scaled(*, n: int) -> int: ...
@overload
def scaled(n: int, /) -> int: ...
def scaled(n=None, /, **kw):
    return n
