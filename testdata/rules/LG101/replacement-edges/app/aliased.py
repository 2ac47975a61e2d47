"""An alias keeps its name: only the import changes."""
from app.db import Old as Model  # expect: LG101


def make():
    return Model()
