import typing
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.models import Engine, NamedFromClause


def label(t, ready=True):
    # "not TYPE_CHECKING" is true at runtime: the or never evaluates its second operand
    assert not TYPE_CHECKING or isinstance(t, NamedFromClause)
    assert ready or not typing.TYPE_CHECKING or isinstance(t, (Engine, NamedFromClause))
    return t


def engine_only(t):
    # TYPE_CHECKING is false at runtime: the and stops before isinstance
    return TYPE_CHECKING and isinstance(t, Engine) and t


def checked(t):
    assert TYPE_CHECKING or isinstance(t, Engine)  # expect: LG102 "when `checked()` is called"
    return t


def mixed(t, strict=False):
    # "and" binds tighter: when strict is false the or evaluates isinstance
    assert strict and not TYPE_CHECKING or isinstance(t, Engine)  # expect: LG102 "when `mixed()` is called"
    return t
