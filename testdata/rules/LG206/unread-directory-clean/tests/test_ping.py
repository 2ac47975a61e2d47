def test_ping():
    pass
