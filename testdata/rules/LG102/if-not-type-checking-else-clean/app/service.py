from typing import TYPE_CHECKING

if not TYPE_CHECKING:
    from app.db import Engine
else:
    from app.db import Engine

engine = Engine
