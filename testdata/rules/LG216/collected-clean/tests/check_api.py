def test_pong():
    pass
