def test_order_total():  # expect: LG216 "outside `testpaths`"
    pass
