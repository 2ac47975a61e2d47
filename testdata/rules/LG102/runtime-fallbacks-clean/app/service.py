from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager, Engine
else:
    DatabaseSessionManager = None

try:
    from app.db import Engine
except ImportError:
    Engine = object

manager = DatabaseSessionManager
engine = Engine


def local():
    from app.db import DatabaseSessionManager
    return DatabaseSessionManager()
