from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.database.session_manager import DatabaseSessionManager  # expect: LG101 "under TYPE_CHECKING"
