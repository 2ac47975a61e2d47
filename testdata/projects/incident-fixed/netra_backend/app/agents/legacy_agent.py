# Scheduled for deletion with the old manager; the team accepted this import.
from netra_backend.app.database.session_manager import DatabaseSessionManager  # noqa: LG101
