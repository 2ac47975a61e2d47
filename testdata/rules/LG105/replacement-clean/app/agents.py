from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.database.session_manager import SessionManager


def run(manager: "SessionManager") -> None:
    pass
