from app.database.compat import DatabaseSessionManager as OldManager  # expect: LG101 "through the re-export `app.database.compat.DatabaseSessionManager`"
