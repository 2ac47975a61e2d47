import sys

if sys.version_info >= (3, 14):

    def deferred(value: Later):
        return value

elif sys.version_info >= (3, 10):

    def eager(value: Later):  # expect: LG107 "`Later` is not defined: NameError at import time"
        return value

if sys.version_info < (3, 14):
    pass
else:

    def also_deferred(value: Later):
        return value

if sys.version_info[:2] > (3, 13) and sys.platform != "win32":

    def deferred_too(value: Later):
        return value
