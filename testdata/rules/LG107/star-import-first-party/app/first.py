from app.helpers import *

print(helper())


def other():
    return unknown()  # expect: LG107 "when `other()` is called"
