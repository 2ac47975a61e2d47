"""Exports the old class on purpose."""
from app.database.session_manager import DatabaseSessionManager  # expect: LG101

__all__ = ["DatabaseSessionManager"]
