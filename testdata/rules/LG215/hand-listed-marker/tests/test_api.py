import pytest

pytestmark = pytest.mark.asyncio  # expect: LG215 "only hides the missing plugin"


async def test_ping():  # expect: LG215 "skips it with a warning"
    pass
