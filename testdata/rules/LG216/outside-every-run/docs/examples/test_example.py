def test_example():  # expect: LG216 "no pytest run this repository defines collects docs/examples/test_example.py, so its tests never run: `pytest` at the root collects only [tests] (`testpaths` in pytest.ini);"
    pass
