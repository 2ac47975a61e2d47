"""Base class of every agent."""
from netra_backend.app.database.session_manager import SessionManager


class BaseAgent:
    def _get_session_manager(self) -> SessionManager:
        return SessionManager()
