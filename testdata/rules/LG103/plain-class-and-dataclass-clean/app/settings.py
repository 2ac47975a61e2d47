from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import EngineConfig


class Settings:
    engine: EngineConfig


@dataclass
class Options:
    engine: EngineConfig
