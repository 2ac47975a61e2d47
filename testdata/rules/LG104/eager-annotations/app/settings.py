"""Without `from __future__ import annotations` (before 3.14) Python evaluates these annotations when the
definitions run; a function body runs when the function is called."""
import collections
import typing
import typing as t

from pydantic import BaseModel

DEFAULT: typing.Optional[str] = None  # expect: LG104 "Deprecated `typing.Optional` is used at import time."
PENDING: typing.Optional[int]  # expect: LG104 "at import time"


class Settings:
    name: typing.Optional[str] = None  # expect: LG104 "at import time"

    def rename(self, name: typing.Optional[str]) -> None:  # expect: LG104 "at import time"
        self.name = name


class Model(BaseModel):
    # pydantic reads these too, so deferring them would not help: the hint does not offer it
    name: typing.Optional[str] = None  # expect: LG104 "Deprecated `typing.Optional` is used at import time."


def lookup(key: str) -> t.Optional[str]:  # expect: LG104 "`t.Optional` refers to deprecated `typing.Optional`, used at import time."
    return None


def make_checker():
    def check(value: typing.Optional[int]) -> bool:  # expect: LG104 "used when `make_checker()` is called"
        return value is not None

    return check


def build():
    return collections.OrderedDict()  # expect: LG104 "Deprecated `collections.OrderedDict` is used when `build()` is called."
