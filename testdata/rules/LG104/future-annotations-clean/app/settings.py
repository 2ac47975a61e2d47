"""`from __future__ import annotations` keeps every annotation a string that Python never evaluates (PEP 563)."""
from __future__ import annotations

import typing

DEFAULT: typing.Optional[str] = None
PENDING: typing.Optional[int]


class Settings:
    name: typing.Optional[str] = None

    def rename(self, name: typing.Optional[str]) -> typing.Optional[str]:
        previous: typing.Optional[str] = self.name
        self.name = name
        return previous


def lookup(key: typing.Optional[str] = None) -> typing.Optional[str]:
    return key
