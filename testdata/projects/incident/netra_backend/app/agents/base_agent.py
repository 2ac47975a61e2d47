"""Base class of every agent."""
from typing import TYPE_CHECKING

from netra_backend.app.database.session_manager import DatabaseSessionManager  # expect: LG101 "at import time"

if TYPE_CHECKING:
    from netra_backend.app.database.session_manager import SessionManager


class BaseAgent:
    def _get_session_manager(self) -> "SessionManager":
        from netra_backend.app.database.session_manager import DatabaseSessionManager  # expect: LG101 "when `BaseAgent._get_session_manager()` is called"
        return DatabaseSessionManager()
