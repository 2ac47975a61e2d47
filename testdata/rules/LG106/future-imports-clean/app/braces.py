# CPython refuses to compile this module (SyntaxError: not a chance): no import ever runs
from __future__ import braces
