from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager


def connect(manager: DatabaseSessionManager) -> DatabaseSessionManager:
    return manager


class Holder:
    manager: DatabaseSessionManager
