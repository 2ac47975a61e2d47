"""Database access for the backend."""
from netra_backend.app.database.session_manager import SessionManager

__all__ = ["SessionManager"]
