type Pair[T] = tuple[T, T]


def first[T](items: list[T]) -> T:
    return items[0]


def show(value):
    return f"{f"{value}"}"


try:
    pass
except ValueError, TypeError:
    pass
