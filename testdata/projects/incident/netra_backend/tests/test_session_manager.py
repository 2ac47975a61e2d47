import pytest

from netra_backend.app.database.session_manager import DatabaseSessionManager  # expect: LG101
from netra_backend.app.database.session_manager import SessionManager


def test_sessions_are_distinct():
    assert DatabaseSessionManager() is not SessionManager()
