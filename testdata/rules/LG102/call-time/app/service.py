from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import DatabaseSessionManager


class Service:
    def start(self):
        return DatabaseSessionManager()  # expect: LG102 "when `Service.start()` is called"


def build():
    return isinstance(None, DatabaseSessionManager)  # expect: LG102 "when `build()` is called"
