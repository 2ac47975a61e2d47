"""Old import paths, kept so that external scripts keep working during the migration."""
from netra_backend.app.database.session_manager import DatabaseSessionManager  # expect: LG101 "at import time"
from netra_backend.app.database.session_manager import SessionManager

__all__ = ["DatabaseSessionManager", "SessionManager"]
