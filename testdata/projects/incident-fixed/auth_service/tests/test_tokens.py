async def test_token_roundtrip():
    assert True
