try:
    from netra_backend.app.database.session_manager import SessionManager as Manager
except ImportError:  # pragma: no cover
    from netra_backend.app.database.session_manager import SessionManager as Manager
