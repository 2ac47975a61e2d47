# the stub never runs: at runtime the name must be in client.py
from app.client import _HostType  # expect: LG106 "module `app.client` has no `_HostType`; ImportError at import time"
