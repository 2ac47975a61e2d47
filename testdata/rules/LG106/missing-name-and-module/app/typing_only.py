from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Removed  # expect: LG106 "type checker"
