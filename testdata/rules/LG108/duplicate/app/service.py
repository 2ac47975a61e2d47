from typing import TYPE_CHECKING

from app.db import Engine

if TYPE_CHECKING:
    from app.db import Engine  # expect: LG108 "dead"


def build() -> Engine:
    return Engine()
