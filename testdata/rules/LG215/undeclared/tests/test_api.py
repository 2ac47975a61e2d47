import pytest


@pytest.mark.asyncio  # expect: LG215 "does not declare pytest-asyncio"
async def test_ping():  # expect: LG215 "pytest 9.1.1 fails it"
    pass


async def helper():
    pass
