from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager

manager = DatabaseSessionManager()  # expect: LG102 "NameError at import time"
