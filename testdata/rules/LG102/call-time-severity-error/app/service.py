from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager


def build():
    return DatabaseSessionManager()  # expect: LG102 "when `build()` is called"
