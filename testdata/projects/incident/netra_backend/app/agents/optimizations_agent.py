try:
    from netra_backend.app.database.session_manager import DatabaseSessionManager as Manager  # expect: LG101
except ImportError:  # pragma: no cover
    from netra_backend.app.database.session_manager import SessionManager as Manager
