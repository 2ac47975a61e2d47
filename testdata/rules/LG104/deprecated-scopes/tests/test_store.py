import pytest

import legacy.store


def test_store():
    assert legacy.store.OldStore()  # expect: LG104 "Deprecated `legacy.store.OldStore` is used when `test_store()` is called"


def test_other_warning():
    with pytest.warns(UserWarning):
        legacy.store.OldStore()  # expect: LG104 "when `test_other_warning()` is called"
    pytest.warns(UserWarning, legacy.store.OldStore)  # expect: LG104 "when `test_other_warning()` is called"
