import importlib
import pkgutil
from unittest import mock

import app.database.session_manager as sm
from app.database import session_manager


def build():
    return sm.DatabaseSessionManager()  # expect: LG104 "sm.DatabaseSessionManager"


def build_again():
    return session_manager.DatabaseSessionManager  # expect: LG104


def load():
    return importlib.import_module("app.database.session_manager.DatabaseSessionManager")  # expect: LG104 "Deprecated `app.database.session_manager.DatabaseSessionManager` is passed to `importlib.import_module()` when `load()` is called."


def resolve():
    return pkgutil.resolve_name("app.database.session_manager:DatabaseSessionManager")  # expect: LG104 "`pkgutil.resolve_name("


@mock.patch("app.database.session_manager.DatabaseSessionManager")  # expect: LG104
def test_patched(m):
    pass


def test_object():
    with mock.patch.object(sm, "DatabaseSessionManager"):  # expect: LG104 "`mock.patch.object(sm, "
        pass
