from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import with_config
    from .deprecated.tools import parse_obj_as


def __getattr__(name):
    import importlib

    module = {"with_config": ".config", "parse_obj_as": ".deprecated.tools"}[name]
    return getattr(importlib.import_module(module, __name__), name)
