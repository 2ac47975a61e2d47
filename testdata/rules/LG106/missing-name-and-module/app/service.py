from app.db import Engine, SessionManager, Pool  # expect: LG106 "module `app.db` has no `SessionManager`"  # expect: LG106 "module `app.db` has no `Pool`"
