package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PytestMarksTest {

    private static PytestMarks scan(String source) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        return PytestMarks.scan(PythonFiles.parse("tests/test_x.py", "tests.test_x", false, bytes), bytes);
    }

    private static List<String> uses(PytestMarks m) {
        return m.uses().stream().map(PytestMarks.Use::name).toList();
    }

    private static List<String> registered(PytestMarks m) {
        return m.registrations().stream().map(PytestMarks.Registration::line).toList();
    }

    @Test
    void everyImportSpellingOfAMark() {
        PytestMarks m = scan("""
                import pytest as pt
                from pytest import mark as m, param

                pytestmark = [pt.mark.a, pt.mark.b(1)]

                @m.c
                class TestX:
                    @pt.mark.parametrize("x", [param(1, marks=pt.mark.d)])
                    def test_x(self, x, request):
                        request.applymarker("e")
                        request.node.add_marker(pt.mark.f)
                        request.node.add_marker(name)
                """);
        assertEquals(List.of("a", "b", "c", "parametrize", "d", "f", "e"), uses(m));
    }

    @Test
    void markAttributesOfOtherObjectsAreNotMarks() {
        PytestMarks m = scan("import pytest\nx = other.pytest.mark.slow\nmark = object()\nmark.slow\n");
        assertEquals(List.of(), uses(m));
    }

    @Test
    void registrationsFromLiteralsFStringsAndLoops() {
        PytestMarks m = scan("""
                KIND = "x"

                def pytest_configure(config):
                    config.addinivalue_line("markers", "slow: slow tests")
                    for name in ["db", "network"]:
                        config.addinivalue_line("markers", f"{name}: needs {name}")
                    config.addinivalue_line("markers", f"golden_path({KIND}): doc")
                    config.addinivalue_line("filterwarnings", "error")
                """);
        assertEquals(List.of("slow: slow tests", "db", "network", "golden_path"), registered(m));
        assertFalse(m.dynamicRegistration());
    }

    @Test
    void computedRegistrationsAndPluginsAreFlagged() {
        PytestMarks m = scan("""
                pytest_plugins = ["a.b"] + extra

                def pytest_configure(config):
                    config.addinivalue_line("markers", f"{prefix}_slow: doc")
                """);
        assertTrue(m.dynamicRegistration());
        assertTrue(m.dynamicPlugins());
    }

    @Test
    void pytestPluginsAndAsyncFunctions() {
        PytestMarks m = scan("pytest_plugins = (\"a.b\", \"c\")\n\nasync def test_x():\n    pass\n");
        assertEquals(List.of("a.b", "c"), m.pytestPlugins());
        assertEquals(java.util.Set.of(3), m.asyncFunctions());
    }
}
