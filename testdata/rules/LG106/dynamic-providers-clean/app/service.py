import sys

from app.lazy import Anything
from app.exports import Maybe
from app.star import join
from app.pkg import sub
from app.conditional import FAST
import app.pkg.sub

try:
    from app import _speedups
except ImportError:
    _speedups = None

if sys.platform == "win32":
    from app import _winreg_helpers
