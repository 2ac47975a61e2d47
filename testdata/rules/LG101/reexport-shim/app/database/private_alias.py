"""A private alias: its name holds the old name, so no file needs reading again to find its importers."""
from app.database.session_manager import DatabaseSessionManager as _DatabaseSessionManager  # expect: LG101
