import typing as t

if t.TYPE_CHECKING:
    from app.db import Engine


class Config:
    engine: Engine  # expect: LG102 "at import time"
