def with_noqa():
    return B()  # noqa: F821


def without_noqa():
    return C()  # expect: LG107 "`C` is not defined"
