"""Session management. DatabaseSessionManager is kept only until every caller has moved."""


class SessionManager:
    """The session manager every agent should use."""

    def session(self):
        return object()


class DatabaseSessionManager(SessionManager):
    """Deprecated: use SessionManager."""
