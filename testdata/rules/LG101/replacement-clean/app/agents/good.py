"""Mentions of DatabaseSessionManager in text are fine:
from app.database.session_manager import DatabaseSessionManager
"""
# from app.database.session_manager import DatabaseSessionManager
from app.database.session_manager import SessionManager
import app.database.session_manager as sm

MESSAGE = "from app.database.session_manager import DatabaseSessionManager"
legacy = "DatabaseSessionManager"
