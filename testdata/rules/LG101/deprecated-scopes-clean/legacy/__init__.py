# the package offers its own API, deprecated parts included
from legacy.helpers import old_helper
from .api import old_api, new_api

__all__ = ["old_helper", "old_api", "new_api"]
