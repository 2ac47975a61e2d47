"""The future import defers annotations only: aliases, bases and defaults still run at import time, and pydantic
evaluates a model's annotations when the class is created."""
from __future__ import annotations

import collections
import typing

from pydantic import BaseModel

MaybeName = typing.Optional[str]  # expect: LG104 "Deprecated `typing.Optional` is used at import time."


class Registry(collections.OrderedDict):  # expect: LG104 "at import time"
    pass


class Settings(BaseModel):
    name: typing.Optional[str] = None  # expect: LG104 "at import time, because the annotations of class `Settings` are evaluated at runtime (a subclass of `pydantic.BaseModel`)."


class Plain:
    name: typing.Optional[str] = None


def first(values: list) -> typing.Optional[str]:
    return typing.cast(typing.Optional[str], values[0])  # expect: LG104 "used when `first()` is called"
