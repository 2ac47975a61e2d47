# a module beside the definition is no re-export of the package (`legacy/__init__.py` would be)
from legacy.helpers import old_helper  # expect: LG101 "at import time"
