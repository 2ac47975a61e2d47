from ..database.session_manager import DatabaseSessionManager  # expect: LG101
from ..database import session_manager
from . import sibling
