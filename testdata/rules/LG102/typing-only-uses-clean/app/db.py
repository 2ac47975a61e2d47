class DatabaseSessionManager:
    pass


class Engine:
    pass
