from __future__ import annotations

from typing import TYPE_CHECKING

from app.base import AppModel

if TYPE_CHECKING:
    from app.db import EngineConfig


class Settings(AppModel):
    engine: EngineConfig  # expect: LG103 "subclass of `pydantic.BaseModel`"
