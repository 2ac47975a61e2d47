from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from app.db import Engine


def describe(value):
    return f"{Engine.__name__}: {value}"  # expect: LG102 "when `describe()` is called"


def coerce(value):
    return cast(Engine, value)  # expect: LG102 "when `coerce()` is called"
