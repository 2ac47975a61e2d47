import netra_backend.app.database.session_manager as sessions


class ActionsAgent:
    async def run(self):
        from netra_backend.app.database import session_manager
        from netra_backend.app.database.session_manager import SessionManager
        return SessionManager(), sessions, session_manager
