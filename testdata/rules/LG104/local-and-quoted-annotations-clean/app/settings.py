"""No future import, yet nothing here is evaluated: Python never evaluates the annotation of a local variable,
and a quoted annotation is a string, not a reference."""
import typing


def first(values: list) -> "typing.Optional[str]":
    result: typing.Optional[str] = None
    pending: typing.Optional[int]
    for value in values:
        result = value
    return result


class Settings:
    name: "typing.Optional[str]" = None
