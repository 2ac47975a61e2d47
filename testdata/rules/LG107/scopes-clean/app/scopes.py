import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    reveal_type(sys)

COUNTER = 0


def bump():
    global COUNTER, CREATED
    COUNTER += 1
    CREATED = True


def use_created():
    return CREATED


def outer():
    total = 0

    def inner():
        nonlocal total
        total += 1
        return total

    return inner


def walrus(items):
    if any((found := item) for item in items):
        return found
    return [y := 1, y]


def matcher(point):
    match point:
        case {"x": x, "y": y}:
            return x + y
        case [first, *rest]:
            return first, rest
        case str() as text:
            return text
        case _:
            return None


def handler():
    try:
        pass
    except ValueError as error:
        return error


def fstrings(width, value):
    return f"{value!r:>{width}} {value=}" + f"{'nested'}"


class Base:
    def method(self):
        return __class__, super().__init__


def deleted():
    x = 1
    del x


def comprehension_vars(rows):
    return {k: v for k, v in rows}, [a for a in rows if a], (lambda q, r=1: q + r)


def conditional(flag):
    if flag:
        value = 1
    return value


if sys.version_info >= (3, 11):
    NEW = ExceptionGroup
print(__file__, __name__, __doc__, __spec__, __debug__, __builtins__)

try:
    unicode_type = unicode
except NameError:
    unicode_type = str


def local_annotation():
    x: NotDefinedAnywhere = 1
    return x


def quoted(value: "AlsoNotDefined") -> "Nope":
    return value
