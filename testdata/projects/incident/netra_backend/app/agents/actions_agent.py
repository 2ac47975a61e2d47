import netra_backend.app.database.session_manager as sessions


class ActionsAgent:
    async def run(self):
        from netra_backend.app.database import session_manager
        from netra_backend.app.database.session_manager import DatabaseSessionManager  # expect: LG101 "when `ActionsAgent.run()` is called"
        return DatabaseSessionManager(), sessions, session_manager
