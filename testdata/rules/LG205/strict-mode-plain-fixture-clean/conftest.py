import pytest


@pytest.fixture(scope="module")
async def resource():
    yield 1
