import pytest_asyncio


# expect: LG205 "cached per session but runs in the function-scoped event loop"
@pytest_asyncio.fixture(scope="session")
async def pool():
    yield object()


@pytest_asyncio.fixture
async def client(pool):
    yield pool
