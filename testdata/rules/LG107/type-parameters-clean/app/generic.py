class Generic[T]:
    def first(self, items: list[T]) -> T:
        return items[0]


class Registry:
    Key = str

    def lookup[K](self, key: Key, kind: K) -> K:
        return kind


def identity[U](value: U) -> U:
    return value


type Alias = list[NotYetDefined]
