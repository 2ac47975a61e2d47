import pytest

pytestmark = pytest.mark.anyio


async def test_ping():
    pass
