@route("/")  # expect: LG107 "at import time"
def index():
    return "ok"
