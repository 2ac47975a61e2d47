"""Every read of the old name is a plain name: the import and the reads are rewritten."""
from app.db import Old  # expect: LG101


def make() -> Old:
    return Old()


class Holder:
    kind = Old
