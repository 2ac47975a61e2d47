"""Compatibility names kept for old callers."""
from app.database.session_manager import DatabaseSessionManager  # expect: LG101
from app.database.session_manager import SessionManager
