def test_tool():
    pass
