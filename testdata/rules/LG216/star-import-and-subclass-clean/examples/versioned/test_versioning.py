class TestVersioning:
    def test_bump(self):
        pass
