from typing_extensions import deprecated


@deprecated("use NewThing")
def OldThing():
    return 1


def NewThing():
    return 2
