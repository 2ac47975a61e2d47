package dev.lintgate.pytest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic monorepo for timing the LG2 rules: {@code services} services, each with its own
 * {@code pytest.ini} (some strict, some registering markers), a conftest registering markers from code, packages of
 * test modules using registered, unregistered and plugin marks, async tests, and modules outside {@code testpaths}.
 * Not a test and not committed data: run
 * {@code java -cp target/classes:target/test-classes dev.lintgate.pytest.SyntheticMonorepo DIR [test files]} and time
 * {@code lintgate check --select LG2 DIR} against it.
 */
public final class SyntheticMonorepo {
    private SyntheticMonorepo() {
    }

    private static final List<String> MARKS = List.of("slow", "db", "golden_path", "integration", "asyncio", "timeout",
            "nightly", "smoke", "parametrize(\"x\", [1, 2])", "skipif(False, reason=\"never\")");

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/synthetic-monorepo");
        int testFiles = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        write(root, testFiles, new Random(7));
        System.out.println("wrote " + testFiles + " test modules under " + root);
    }

    static void write(Path root, int testFiles, Random random) throws IOException {
        int services = Math.max(1, testFiles / 100);
        put(root.resolve("requirements-test.txt"), "pytest==9.1.1\npytest-asyncio==1.4.0\npytest-timeout==2.5.0\n");
        put(root.resolve("pytest.ini"), "[pytest]\naddopts = --strict-markers\nasyncio_default_fixture_loop_scope = function\n"
                + "markers =\n    slow: slow tests\n    integration: needs the stack\n");
        put(root.resolve("conftest.py"), "pytest_plugins = [\"shared.markers\"]\n");
        put(root.resolve("shared/__init__.py"), "");
        put(root.resolve("shared/markers.py"), "def pytest_configure(config):\n    for name in [\"db\", \"smoke\"]:\n"
                + "        config.addinivalue_line(\"markers\", f\"{name}: shared\")\n");
        int written = 0;
        for (int s = 0; s < services && written < testFiles; s++) {
            Path svc = root.resolve("services/svc" + s);
            StringBuilder ini = new StringBuilder("[pytest]\nasyncio_default_fixture_loop_scope = function\ntestpaths = tests\n");
            if (random.nextBoolean()) ini.append("addopts = --strict-markers\n");
            if (random.nextBoolean()) ini.append("markers =\n    golden_path: end-to-end\n    slow: slow tests\n");
            put(svc.resolve("pytest.ini"), ini.toString());
            put(svc.resolve("tests/conftest.py"), "def pytest_configure(config):\n    config.addinivalue_line(\"markers\", \"nightly: night runs\")\n");
            put(svc.resolve("src/svc" + s + "/__init__.py"), "");
            put(svc.resolve("src/svc" + s + "/core.py"), "def handle(x):\n    return x\n");
            for (int p = 0; p < 10 && written < testFiles; p++) {
                Path pkg = svc.resolve(p == 9 ? "integration_tests" : "tests/pkg" + p);
                for (int f = 0; f < 10 && written < testFiles; f++, written++) {
                    put(pkg.resolve("test_s" + s + "_p" + p + "_f" + f + ".py"), module(random, s));
                }
            }
        }
    }

    private static String module(Random random, int service) {
        StringBuilder b = new StringBuilder("import pytest\n\nfrom svc" + service + ".core import handle\n\n");
        for (int t = 0; t < 8; t++) {
            b.append("\n@pytest.mark.").append(MARKS.get(random.nextInt(MARKS.size()))).append('\n');
            boolean async = random.nextInt(5) == 0;
            b.append(async ? "async def" : "def").append(" test_case_").append(t).append(async ? "():\n" : "(x=1):\n")
                    .append("    assert handle(").append(t).append(") == ").append(t).append("\n\n");
        }
        return b.toString();
    }

    private static void put(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
