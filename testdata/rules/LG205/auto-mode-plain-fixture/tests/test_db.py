import pytest


# expect: LG205 "ScopeMismatch"
@pytest.fixture(
    scope="module",
)
async def db():
    yield 1


async def test_db(db):
    assert db == 1
