def test_logout():  # expect: LG216 "python_files"
    pass
