import os

DEBUG = os.environ.get("DEBUG")
TIMEOUT = DEFAULT_TIMEOUT  # expect: LG107 "at import time"
