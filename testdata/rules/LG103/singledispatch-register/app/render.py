from __future__ import annotations

from functools import singledispatch
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import EngineConfig


@singledispatch
def render(value):
    return str(value)


@render.register
def _(value: EngineConfig):  # expect: LG103 "singledispatch"
    return "engine"
