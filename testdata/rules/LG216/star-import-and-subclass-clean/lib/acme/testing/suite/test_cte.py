class TestCTE:
    def test_select(self):
        pass
