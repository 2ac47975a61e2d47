import pytest


@pytest.mark.golden_paths  # expect: LG210 "did you mean `golden_path`"
def test_login():
    pass
