from app.database.private_alias import _DatabaseSessionManager  # expect: LG101 "through the re-export `app.database.private_alias._DatabaseSessionManager`"


def work():
    return _DatabaseSessionManager()
