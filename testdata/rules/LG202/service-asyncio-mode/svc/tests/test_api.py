async def test_ping():
    assert True
