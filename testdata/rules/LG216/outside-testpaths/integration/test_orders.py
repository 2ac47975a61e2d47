def test_order_total():  # expect: LG216 "collects only [tests] (`testpaths` in pytest.ini)"
    pass
