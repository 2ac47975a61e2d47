def test_old():  # expect: LG216 "norecursedirs"
    pass
