__all__ = ["SessionManager"]


class DatabaseSessionManager:
    pass


class SessionManager:
    pass
