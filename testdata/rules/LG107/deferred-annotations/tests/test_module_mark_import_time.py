import sys

import pytest

from .marks import needs_py314

pytestmark = pytest.mark.skipif(sys.version_info < (3, 14), reason="requires deferred annotations (PEP 649)")


# the module itself is imported on every version to collect its tests: the def runs, and its annotation with it
def helper(value: Anything):  # expect: LG107 "`Anything` is not defined: NameError at import time"
    return value


@needs_py314
class TestMarkedClass:
    # the class body runs at import: a mark on the class skips its tests, not its definition
    def method(self, value: Anything):  # expect: LG107 "`Anything` is not defined: NameError at import time"
        return value
