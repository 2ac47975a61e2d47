"""Both kinds in one file: the typing-only import is fine, the runtime one is not."""
import typing

if typing.TYPE_CHECKING:
    from netra_backend.app.database.session_manager import DatabaseSessionManager as TypedManager

from netra_backend.app.database.session_manager import SessionManager


def triage(manager: "TypedManager") -> SessionManager:
    return SessionManager()
