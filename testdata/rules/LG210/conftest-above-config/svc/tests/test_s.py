import pytest


@pytest.mark.slow  # expect: LG210 "when run as `pytest svc/tests` (svc/pytest.ini"
def test_s():
    pass
