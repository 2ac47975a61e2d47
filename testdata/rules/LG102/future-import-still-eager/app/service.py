from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Engine


class Custom(Engine):  # expect: LG102 "at import time"
    pass
