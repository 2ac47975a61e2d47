"""Everything this module offers is deprecated, so its own code serves only that."""
from typing_extensions import deprecated

from legacy.helpers import old_helper

ENCODERS = {old_helper: str}

__all__ = ["old_encoder"]


@deprecated("old_encoder() is deprecated")
def old_encoder(value):
    return ENCODERS.get(value)
