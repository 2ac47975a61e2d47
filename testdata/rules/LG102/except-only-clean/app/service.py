from app.db import Engine


def guarded():
    try:
        return Engine()
    except ValueError:
        return None
