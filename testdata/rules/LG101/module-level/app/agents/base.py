from app.database.session_manager import DatabaseSessionManager  # expect: LG101 "runs at import time"
import app.database.session_manager


def build():
    return DatabaseSessionManager()
