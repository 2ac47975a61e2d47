class BaseAgent:
    def _get_session_manager(self):
        from app.database.session_manager import DatabaseSessionManager  # expect: LG101 "when `BaseAgent._get_session_manager()` is called"
        return DatabaseSessionManager()


async def helper():
    if True:
        from app.database.session_manager import DatabaseSessionManager as Old  # expect: LG101 "when `helper()` is called"
        return Old


class Config:
    from app.database.session_manager import DatabaseSessionManager  # expect: LG101 "at import time"
