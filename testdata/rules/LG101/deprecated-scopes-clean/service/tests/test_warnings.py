import unittest
import warnings

import pytest
from pytest import deprecated_call, mark

from legacy.errors import RemovedIn3


def test_old_api_warns():
    with pytest.deprecated_call():
        from legacy.api import old_api
        old_api()


def test_old_api_warns_imported_name():
    with deprecated_call(match="old_api"):
        from legacy.api import old_api
        old_api()


def test_catch_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from legacy.store import OldStore
        OldStore()


def test_warns_deprecation():
    with pytest.warns(DeprecationWarning, match="old_helper"):
        from legacy.helpers import old_helper
        old_helper()


def test_warns_tuple():
    with pytest.warns((UserWarning, PendingDeprecationWarning)):
        from legacy.store import OldStore


def test_warns_first_party_subclass():
    # RemovedIn3 -> LegacyWarning -> DeprecationWarning, read from legacy/errors.py
    with pytest.warns(RemovedIn3):
        from legacy.store import OldStore


def test_warns_any_warning():
    with pytest.warns():
        from legacy.store import OldStore


async def test_nested_blocks():
    async with open_session() as s, pytest.warns(FutureWarning):
        if s:
            from legacy.store import OldStore


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_marked():
    from legacy.store import OldStore


@mark.filterwarnings("i:old:legacy.errors.RemovedIn3")
class TestMarkedClass:
    def test_method(self):
        from legacy.store import OldStore


class TestUnittest(unittest.TestCase):
    def test_assert_warns(self):
        with self.assertWarns(DeprecationWarning):
            from legacy.store import OldStore
