"""A class attribute of the same name reads the import first: no fix."""
from app.db import Old  # expect: LG101


class Holder:
    Old = Old
