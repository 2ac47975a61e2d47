import pytest


@pytest.mark.parameterize("x", [1])  # expect: LG210 "did you mean `parametrize`"
def test_p(x):
    pass
