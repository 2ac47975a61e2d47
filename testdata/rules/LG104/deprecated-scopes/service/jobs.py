import legacy.helpers

RESULT = legacy.helpers.old_helper()  # expect: LG104 "used at import time: old_helper() is slow"
