"""The decorator's own message follows the finding as a sentence of its own, or after a colon when it starts in
lower case (its first word may be code); blanks are collapsed and a missing full stop added."""
import app.clients
from app import clients

DEFAULT = clients.OldClient()  # expect: LG104 "`clients.OldClient` refers to deprecated `app.clients.OldClient`, used at import time. Use HttpClient instead; OldClient goes away in 3.0."


def get(url):
    return app.clients.fetch(url)  # expect: LG104 "Deprecated `app.clients.fetch` is used when `get()` is called: fetch() leaks sockets; use HttpClient.get."


def close():
    clients.shutdown()  # expect: LG104 "used when `close()` is called. Use HttpClient.close, which also drains the pool."
