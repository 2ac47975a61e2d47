from unittest import mock

import pytest

import legacy.helpers
import legacy.store


def test_call_form():
    pytest.deprecated_call(legacy.helpers.old_helper)
    result = pytest.warns(DeprecationWarning, legacy.helpers.old_helper)


def test_with_form():
    with pytest.deprecated_call():
        legacy.store.OldStore()
    with pytest.warns(PendingDeprecationWarning), mock.patch("legacy.store.OldStore"):
        legacy.helpers.old_helper()
