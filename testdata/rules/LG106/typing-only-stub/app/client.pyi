class Transport: ...

_HostType = str | tuple[str, dict[str, str]]
_Marshallable = None | bool | int | float | str | bytes
