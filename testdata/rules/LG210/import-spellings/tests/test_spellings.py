import pytest as pt
from pytest import mark as m

pytestmark = [pt.mark.slow, pt.mark.smoke]  # expect: LG210 "`smoke` is not registered when run from the repository root (pytest.ini, PytestUnknownMarkWarning)"


@m.nightly  # expect: LG210 "nightly"
class TestThings:
    @pt.mark.parametrize("x", [pt.param(1, marks=pt.mark.flaky_net)])  # expect: LG210 "flaky_net"
    def test_x(self, x, request):
        request.node.add_marker("late")  # expect: LG210 "late"
