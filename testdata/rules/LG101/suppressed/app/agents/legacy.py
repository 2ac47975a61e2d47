from app.database.session_manager import DatabaseSessionManager  # noqa: LG101
from app.database.session_manager import DatabaseSessionManager as A  # noqa
from app.database.session_manager import DatabaseSessionManager as B  # lintgate: ignore[LG101]
from app.database.session_manager import DatabaseSessionManager as C  # NOQA:LG101,LG102
from app.database.session_manager import DatabaseSessionManager as D  # noqa: LG102  # expect: LG101
