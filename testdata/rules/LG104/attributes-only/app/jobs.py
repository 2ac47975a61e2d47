"""Attribute reads only: no call that takes a module path, so LG104 decides from the imports and the bytes."""
import app.database.session_manager as sm
from app.database import session_manager
import app.database.session_manager


def build():
    return sm.DatabaseSessionManager()  # expect: LG104


def build_spaced():
    return sm . DatabaseSessionManager  # expect: LG104


def build_continued():
    return app.database.session_manager.DatabaseSessionManager  # expect: LG104


def still_current():
    return sm.SessionManager()
