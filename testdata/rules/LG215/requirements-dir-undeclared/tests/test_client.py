import asyncio

import pytest


async def test_sleeps():  # expect: LG215 "the project does not declare pytest-asyncio; pytest 9.1.1 fails it"
    await asyncio.sleep(0)
