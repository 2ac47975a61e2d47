"""Python 3.14 evaluates annotations only when something reads them (PEP 649), so none of these runs."""
import typing

DEFAULT: typing.Optional[str] = None


class Settings:
    name: typing.Optional[str] = None

    def rename(self, name: typing.Optional[str]) -> typing.Optional[str]:
        return name
