from app.database.compat import SessionManager
from app.database.compat2 import OldManager  # expect: LG101 "through the re-export `app.database.compat2.OldManager`"
