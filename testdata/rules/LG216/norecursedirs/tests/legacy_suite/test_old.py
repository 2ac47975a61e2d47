def test_old():  # expect: LG216 "`norecursedirs` matches a directory on its path"
    pass
