def test_shell():
    assert ip is not None
