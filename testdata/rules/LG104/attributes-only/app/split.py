"""The only spelling of the deprecated name follows a line break: the dot ends the line before."""
from app.database import session_manager


def build():
    return (session_manager.  # expect: LG104
            DatabaseSessionManager)
