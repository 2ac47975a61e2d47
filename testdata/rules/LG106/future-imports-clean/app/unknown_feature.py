# CPython refuses to compile this module (SyntaxError: future feature rested_snopes is not defined)
from __future__ import rested_snopes
