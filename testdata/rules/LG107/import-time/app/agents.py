class Agent:
    def __init__(self, session_manager: SessionManager) -> None:  # expect: LG107 "NameError at import time"
        self.session_manager = session_manager
