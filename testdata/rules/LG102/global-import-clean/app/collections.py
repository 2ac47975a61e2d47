from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mapped_collection import KeyFuncDict, keyfunc_mapping


def make():
    # bound by __go() below, through its global statement, when the module is imported
    return KeyFuncDict(), keyfunc_mapping(len)


def __go():
    # imported late to break an import cycle
    global KeyFuncDict, keyfunc_mapping
    from .mapped_collection import KeyFuncDict, keyfunc_mapping


__go()
