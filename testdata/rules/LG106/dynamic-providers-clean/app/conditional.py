import sys

if sys.version_info >= (3,):
    FAST = True
else:
    FAST = False
