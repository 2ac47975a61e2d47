from typing import overload

from typing_extensions import deprecated


@overload
@deprecated("Passing `config` as a keyword argument is deprecated")
def with_config(*, config: dict): ...
@overload
def with_config(config: dict, /): ...
def with_config(config=None, /, **kwargs):
    return config
