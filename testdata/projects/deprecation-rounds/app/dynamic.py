from unittest import mock

import lib.old as old


def test_patched():
    with mock.patch("lib.old.OldThing"):
        return old.OldThing()
