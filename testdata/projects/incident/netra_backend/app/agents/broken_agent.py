"""A half-finished edit: the file does not parse, and the rest of it is still checked."""
from netra_backend.app.database.session_manager import SessionManager


def plan(steps:
    # expect: LG001 "the rest of the file was still checked"
    return [step for step in steps


from netra_backend.app.database.session_manager import DatabaseSessionManager  # expect: LG101
