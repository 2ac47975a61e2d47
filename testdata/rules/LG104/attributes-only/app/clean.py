"""Names the deprecated class, but never as an attribute of a module binding."""
from app.database import session_manager

DatabaseSessionManager = None


def build():
    return session_manager.SessionManager(DatabaseSessionManager)
