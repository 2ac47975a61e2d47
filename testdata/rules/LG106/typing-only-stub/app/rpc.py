from typing import TYPE_CHECKING

from app.client import Transport

if TYPE_CHECKING:
    # type checkers read client.pyi instead of client.py: these are in the stub only, and fine
    from app.client import _HostType, _Marshallable
    from app.client import _Missing  # expect: LG106 "its stub `app/client.pyi` has no `_Missing`"
    from app.client import legacy_helper  # expect: LG106 "The type checker will not find `app.client.legacy_helper`"


def connect(host: "_HostType") -> Transport:
    return Transport()
