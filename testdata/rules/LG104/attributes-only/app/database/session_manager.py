class DatabaseSessionManager:
    pass


class SessionManager:
    pass
