# neither star import binds DatabaseSessionManager: each module's __all__ leaves it out
from app.database.session_manager import *
from app.database.timeouts import *
