"""Only annotations need the old class here: the import never runs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from netra_backend.app.database.session_manager import SessionManager

if TYPE_CHECKING:
    from netra_backend.app.database.session_manager import DatabaseSessionManager


class DataAgent:
    def __init__(self, sessions: SessionManager | DatabaseSessionManager) -> None:
        self.sessions = sessions
