import pytest

SLOW = pytest.mark.slow
