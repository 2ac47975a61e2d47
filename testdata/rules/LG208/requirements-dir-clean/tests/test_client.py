import asyncio


async def test_sleeps():
    await asyncio.sleep(0)
