"""Relative import of the old class."""
from ..database.session_manager import SessionManager


def report():
    return SessionManager()
