import pytest


@pytest.mark.db
@pytest.mark.network
@pytest.mark.golden_path
@pytest.mark.nightly
@pytest.mark.smoke
@pytest.mark.skipif(False, reason="never")
def test_all():
    pass
