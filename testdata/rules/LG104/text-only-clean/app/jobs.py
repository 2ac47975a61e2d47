"""Used to call app.database.session_manager.DatabaseSessionManager here."""
import app.database.session_manager as sm

# app.database.session_manager.DatabaseSessionManager was replaced


def build() -> "sm.SessionManager":
    return sm.SessionManager()
