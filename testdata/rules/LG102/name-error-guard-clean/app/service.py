from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Engine

try:
    ENGINE = Engine
except NameError:
    ENGINE = None
