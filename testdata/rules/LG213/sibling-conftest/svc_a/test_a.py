import pytest


@pytest.mark.slow  # expect: LG213 "only by the conftest in svc_b/"
def test_a():
    pass
