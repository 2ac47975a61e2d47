"""Old import paths now hand out the new class only."""
from netra_backend.app.database.session_manager import SessionManager

__all__ = ["SessionManager"]
