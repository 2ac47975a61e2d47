from typing import TYPE_CHECKING, Annotated

from .utils import needs_py314

if TYPE_CHECKING:

    class DummyUser: ...


@needs_py314
def test_stringified_annotation():
    # Python 3.14 defers annotations (PEP 649): neither def evaluates DummyUser
    async def get_current_user() -> DummyUser | None:
        return None

    async def get(current_user: Annotated[DummyUser | None, get_current_user]) -> str:
        return "hello world"

    assert get
