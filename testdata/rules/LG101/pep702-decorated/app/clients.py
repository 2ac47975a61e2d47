from typing_extensions import deprecated
import warnings


@deprecated("Use HttpClient instead; OldClient goes away in 3.0.")
class OldClient:
    pass


@warnings.deprecated("fetch() leaks sockets; use HttpClient.get")
def fetch(url):
    return url


class HttpClient:
    @deprecated("not importable, so not a target")
    def old_get(self):
        pass
