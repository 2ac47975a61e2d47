from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    # the statement imports TypedDict too: the fix removes only TypeAlias
    from typing import TypeAlias, TypedDict  # expect: LG108 "`TypeAlias` is imported both under TYPE_CHECKING and at runtime (line 1)"

    class Row(TypedDict):
        id: int

Ids: TypeAlias = "list[int]"
