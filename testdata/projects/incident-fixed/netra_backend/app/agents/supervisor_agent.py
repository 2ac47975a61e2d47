"""Goes through the compatibility module, which now hands out the new class."""
from netra_backend.app.database.compat import SessionManager


class SupervisorAgent:
    manager_class = SessionManager
