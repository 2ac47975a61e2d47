import typing
import typing as t
from typing import TYPE_CHECKING
from typing import TYPE_CHECKING as TC
from typing_extensions import TYPE_CHECKING as TEC

if TYPE_CHECKING:
    from app.database.session_manager import DatabaseSessionManager

if typing.TYPE_CHECKING:
    from app.database.session_manager import DatabaseSessionManager as A

if t.TYPE_CHECKING:
    from app.database.session_manager import DatabaseSessionManager as B

if TC:
    from app.database.session_manager import DatabaseSessionManager as C

if (TEC):
    import app.database.session_manager as sm

if False:
    from app.database.session_manager import DatabaseSessionManager as D

import sys
if sys.version_info >= (3, 11):
    pass
elif TYPE_CHECKING:
    from app.database.session_manager import DatabaseSessionManager as E

if not TYPE_CHECKING:
    pass
else:
    from app.database.session_manager import DatabaseSessionManager as F

if TYPE_CHECKING: from app.database.session_manager import DatabaseSessionManager as G


def f():
    if TYPE_CHECKING:
        from app.database.session_manager import DatabaseSessionManager as H
    return None
