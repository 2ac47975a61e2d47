def lookup():
    # both are set on this module by app.plugins
    return DEFAULT, SECOND


def missing():
    return OTHER  # expect: LG107 "`OTHER` is not defined: NameError when `missing()` is called"


def local_default():
    DEFAULT = None
    return DEFAULT
