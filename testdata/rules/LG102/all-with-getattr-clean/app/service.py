from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Engine

__all__ = ["Engine"]


def __getattr__(name):
    if name == "Engine":
        from app.db import Engine
        return Engine
    raise AttributeError(name)
