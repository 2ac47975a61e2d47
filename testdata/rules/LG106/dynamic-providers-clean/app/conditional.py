import sys

if sys.platform == 'win32':
    WINDOWS = True
else:
    POSIX = True
