from app.db import Engine, SessionManager  # expect: LG106 "module `app.db` has no `SessionManager`"
