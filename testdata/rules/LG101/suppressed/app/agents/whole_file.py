# lintgate: noqa: LG101
from app.database.session_manager import DatabaseSessionManager
