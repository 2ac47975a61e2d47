from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager


def connect(manager: DatabaseSessionManager) -> None:
    pass
