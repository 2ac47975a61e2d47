if False:
    from app.db import Engine

ENGINE = Engine  # expect: LG102 "at import time"
