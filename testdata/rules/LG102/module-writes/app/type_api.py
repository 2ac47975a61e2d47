from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sqltypes import NULLTYPE, Boolean


def to_instance(t=None):
    # type_api.NULLTYPE is assigned by sqltypes when it is imported
    if t is None:
        return NULLTYPE
    return t


def boolean():
    return Boolean()  # expect: LG102 "when `boolean()` is called"
