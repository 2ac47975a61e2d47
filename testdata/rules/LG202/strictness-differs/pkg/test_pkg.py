def test_pkg():
    pass
