import warnings

from typing_extensions import deprecated


@deprecated("Use HttpClient instead; OldClient goes away in 3.0.")
class OldClient:
    pass


@warnings.deprecated("fetch() leaks sockets; use HttpClient.get")
def fetch(url):
    return url


@deprecated("""Use HttpClient.close,
    which also drains the pool""")
def shutdown():
    pass


class HttpClient:
    pass
