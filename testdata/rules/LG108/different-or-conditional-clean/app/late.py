from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Engine

__all__ = ["Engine"]


def __go():
    # imported late to break an import cycle: the module's Engine exists only once this has run, and until then the
    # TYPE_CHECKING import is what the type checker knows
    global Engine
    from app.db import Engine


__go()
