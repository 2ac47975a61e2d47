# OldThing was replaced by NewThing; this module never used it.
from lib.old import NewThing

print(NewThing(), "OldThing is gone")
