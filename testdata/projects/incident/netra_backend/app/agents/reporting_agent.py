"""Relative import of the old class."""
from ..database.session_manager import DatabaseSessionManager  # expect: LG101


def report():
    return DatabaseSessionManager()
