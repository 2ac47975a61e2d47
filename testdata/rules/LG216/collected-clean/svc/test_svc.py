def test_svc():
    pass
