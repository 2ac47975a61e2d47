TYPE_CHECKING = False

if TYPE_CHECKING:
    from app.db import Engine


def connect(engine: "Engine") -> None:
    pass
