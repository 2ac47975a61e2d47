import warnings

import pytest

# a configured entry is reported in tests too, outside any deprecated scope; the module's marks apply to its tests,
# not to its own import
from legacy.store import OldStore  # expect: LG101 "Import of deprecated `legacy.store.OldStore` runs at import time"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DeprecationWarning = UserWarning


def test_expects_another_warning():
    with pytest.warns(UserWarning):
        from legacy.store import OldStore  # expect: LG101 "when `test_expects_another_warning()` is called"


def test_category_unknown(categories):
    with pytest.warns(categories[0]):
        from legacy.store import OldStore  # expect: LG101 "when `test_category_unknown()` is called"


def test_shadowed_category():
    # the module rebinds DeprecationWarning: which class it is here is not the builtin
    with pytest.warns(DeprecationWarning):
        from legacy.store import OldStore  # expect: LG101 "when `test_shadowed_category()` is called"


def test_after_the_block():
    with warnings.catch_warnings():
        pass
    from legacy.store import OldStore  # expect: LG101 "when `test_after_the_block()` is called"


@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_turned_into_errors():
    from legacy.store import OldStore  # expect: LG101 "when `test_turned_into_errors()` is called"


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_ignores_another_category():
    from legacy.store import OldStore  # expect: LG101 "when `test_ignores_another_category()` is called"
