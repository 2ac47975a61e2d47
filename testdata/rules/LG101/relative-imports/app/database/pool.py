from .session_manager import DatabaseSessionManager  # expect: LG101
