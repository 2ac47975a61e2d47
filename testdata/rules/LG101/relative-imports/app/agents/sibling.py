from ...app.database.session_manager import DatabaseSessionManager as Unresolvable
