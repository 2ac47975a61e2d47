class Agent:
    limit = 3

    def reset(self):
        return SessionManager()  # expect: LG107 "when `Agent.reset()` is called"

    def size(self):
        return limit  # expect: LG107 "when `Agent.size()` is called"


def helper():
    return f"{missing_name}"  # expect: LG107 "when `helper()` is called"
