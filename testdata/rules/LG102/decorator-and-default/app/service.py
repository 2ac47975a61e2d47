from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Engine


def run(engine=Engine):  # expect: LG102 "at import time"
    return engine
