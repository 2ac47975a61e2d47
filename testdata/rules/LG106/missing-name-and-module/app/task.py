def run():
    from app.db import Gone  # expect: LG106 "when `run()` is called"
    return Gone
