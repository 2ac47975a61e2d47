async def test_session_opens():
    assert True
