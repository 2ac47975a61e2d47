from typing import TYPE_CHECKING

import app.db

try:
    from app.db import Engine
except ImportError:
    Engine = None

if TYPE_CHECKING:
    import app.sql
    from app.db import Engine
