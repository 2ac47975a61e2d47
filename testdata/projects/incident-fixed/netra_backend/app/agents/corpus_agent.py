from netra_backend.app.database.session_manager import (
    SessionManager,
)
