import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info < (3, 14), reason="requires deferred annotations (PEP 649)")


def test_json_schema_extra():
    def json_schema_extra(schema: Anything):
        return schema

    assert json_schema_extra({}) == {}


class TestClassMark:
    pytestmark = [pytest.mark.slow]

    def test_method(self):
        def handler(value: Anything):
            return value
