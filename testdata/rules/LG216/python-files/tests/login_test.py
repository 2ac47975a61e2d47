class TestLogin:  # expect: LG216 "does not match `python_files`"
    def test_ok(self):
        pass
