"""Goes through the compatibility module, which still hands out the old class."""
from netra_backend.app.database.compat import DatabaseSessionManager  # expect: LG101 "through the re-export `netra_backend.app.database.compat.DatabaseSessionManager`"
from netra_backend.app.database.compat import SessionManager


class SupervisorAgent:
    manager_class = DatabaseSessionManager
