__all__ = ["TestDDL"]


class TestDDL:
    def test_create(self):
        pass
