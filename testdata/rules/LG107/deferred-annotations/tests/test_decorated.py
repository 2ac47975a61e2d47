import sys

import pytest

from .marks import needs_py314

needs_py310 = pytest.mark.skipif(sys.version_info < (3, 10), reason="3.10+")


@needs_py314
def test_imported_mark():
    # runs only on 3.14+, where the annotation is not evaluated when the def runs
    def handler(value: Later) -> Later:
        return value

    assert handler(1) == 1


@pytest.mark.skipif(sys.version_info < (3, 14), reason="PEP 649")
def test_direct_mark():
    class Model:
        field: Later

    assert Model


@needs_py310
def test_older_mark():
    def handler(value: Later):  # expect: LG107 "`Later` is not defined: NameError when `test_older_mark()` is called"
        return value


def test_unmarked():
    def handler(value: Later):  # expect: LG107 "`Later` is not defined: NameError when `test_unmarked()` is called"
        return value


@needs_py314
class TestDeferred:
    def test_method(self):
        def handler(value: Later):
            return value
