from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from app.db import EngineConfig


class Settings(BaseModel):
    engine: EngineConfig  # expect: LG103 "subclass of `pydantic.BaseModel`"
    backup: "EngineConfig"  # expect: LG103
