"""A finished edit: the file parses again."""
from netra_backend.app.database.session_manager import SessionManager


def plan(steps):
    return [step for step in steps]
