def test_new():
    pass
