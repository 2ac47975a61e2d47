from app.database.session_manager import DatabaseSessionManager  # expect: LG101


def broken(:
    return (1,


class After:
    pass


from app.database.session_manager import DatabaseSessionManager as Again  # expect: LG101
