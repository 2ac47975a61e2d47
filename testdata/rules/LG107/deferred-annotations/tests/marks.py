import sys

import pytest

needs_py314 = pytest.mark.skipif(sys.version_info < (3, 14), reason="requires deferred annotations (PEP 649)")
