import sys
from contextlib import suppress

try:
    from app.database.session_manager import DatabaseSessionManager  # expect: LG101
except ImportError:
    DatabaseSessionManager = None

if sys.version_info >= (3, 11):
    from app.database.session_manager import DatabaseSessionManager as A  # expect: LG101

with suppress(ImportError):
    from app.database.session_manager import DatabaseSessionManager as B  # expect: LG101

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    pass
else:
    from app.database.session_manager import DatabaseSessionManager as C  # expect: LG101

if not TYPE_CHECKING:
    from app.database.session_manager import DatabaseSessionManager as D  # expect: LG101

for _ in range(1):
    from app.database.session_manager import DatabaseSessionManager as E  # expect: LG101
