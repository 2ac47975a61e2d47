from app.database.session_manager import (
    SessionManager,
    DatabaseSessionManager as LegacyManager,  # expect: LG101
)
from app.database.session_manager import SessionManager as SM, \
    DatabaseSessionManager  # expect: LG101
