"""Uses the old class itself but does not export it: `from app.database.timeouts import *` binds only `Timeout`."""
from app.database.session_manager import DatabaseSessionManager  # expect: LG101

__all__ = ("Timeout",)


class Timeout:
    manager = DatabaseSessionManager
