import pytest

from netra_backend.app.database.session_manager import SessionManager


def test_sessions_are_distinct():
    assert SessionManager() is not None
