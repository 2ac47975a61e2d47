import typing
from typing import overload

import typing_extensions
from typing_extensions import deprecated


@overload
@deprecated("Passing `config` as a keyword argument is deprecated")
def with_config(*, config: dict) -> dict: ...
@overload
def with_config(config: dict, /) -> dict: ...
def with_config(config=None, /, **kwargs):
    return config


@typing.overload
@typing_extensions.deprecated("a str is deprecated")
def parse(value: str) -> int: ...
@typing.overload
def parse(value: bytes) -> int: ...
def parse(value):
    return int(value)
