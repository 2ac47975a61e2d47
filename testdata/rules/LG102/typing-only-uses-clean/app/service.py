from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager, Engine


def connect(manager: "DatabaseSessionManager", engine: Optional["Engine"] = None) -> "Engine":
    local: DatabaseSessionManager = manager
    return local


def later() -> None:
    x: Engine
