"""A quoted annotation names the old class inside a string: no fix."""
from app.db import Old  # expect: LG101


def make() -> "Old":
    return Old()
