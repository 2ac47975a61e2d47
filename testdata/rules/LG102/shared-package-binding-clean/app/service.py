from typing import TYPE_CHECKING

import app.sql

if TYPE_CHECKING:
    import app.extensions

value = app.sql.X
