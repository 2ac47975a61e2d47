package dev.lintgate.rules.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.pytest.PytestVenvs;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The places lintgate treats as expecting a deprecation warning, against real pytest: every test below calls a
 * deprecated function (its warning a first-party subclass of DeprecationWarning) under {@code filterwarnings = error},
 * and lintgate must leave a test's call unreported exactly when pytest passes it, that is when the scope around the
 * call really catches or expects the warning. {@code warnings.catch_warnings()} is used with the filter that goes
 * with it: lintgate does not read which filters such a block sets. A second module marks itself to ignore deprecation
 * warnings and calls the deprecated function at module level: the mark does not cover that, pytest fails to collect
 * it, and lintgate reports the call.
 */
class DeprecatedScopesOracleTest {
    private static final Pattern WHEN = Pattern.compile("when `([\\w.]+)\\(\\)` is called|(at import time)");
    private static final Pattern OUTCOME = Pattern.compile("^(PASSED|FAILED) service/tests/test_scopes\\.py::(\\S+)", Pattern.MULTILINE);
    private static final Pattern COLLECTION_ERROR = Pattern.compile("^ERROR (service/tests/\\S+\\.py)\\b", Pattern.MULTILINE);

    /** A module's marks apply to its tests, not to its own code, which runs when pytest imports it. */
    private static final String MODULE_MARK = """
            import pytest

            import legacy.core

            pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

            legacy.core.old()


            def test_nothing():
                pass
            """;

    private static final String TESTS = """
            import unittest
            import warnings

            import pytest
            from pytest import deprecated_call

            import legacy.core
            from legacy.core import LegacyWarning


            def test_plain():
                legacy.core.old()


            def test_deprecated_call():
                with pytest.deprecated_call():
                    legacy.core.old()


            def test_deprecated_call_imported():
                with deprecated_call(match="old"):
                    legacy.core.old()


            def test_deprecated_call_form():
                pytest.deprecated_call(legacy.core.old)


            def test_warns_builtin():
                with pytest.warns(DeprecationWarning):
                    legacy.core.old()


            def test_warns_tuple():
                with pytest.warns((UserWarning, DeprecationWarning)):
                    legacy.core.old()


            def test_warns_first_party_subclass():
                with pytest.warns(LegacyWarning):
                    legacy.core.old()


            def test_warns_qualified_subclass():
                with pytest.warns(legacy.core.RemovedIn3):
                    legacy.core.old()


            def test_warns_any():
                with pytest.warns():
                    legacy.core.old()


            def test_warns_call_form():
                pytest.warns(DeprecationWarning, legacy.core.old)


            def test_warns_other_category():
                with pytest.warns(UserWarning):
                    legacy.core.other()
                    legacy.core.old()


            def test_warns_other_category_call_form():
                pytest.warns(UserWarning, legacy.core.old)


            def test_catch_warnings():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    legacy.core.old()


            def test_after_the_block():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                legacy.core.old()


            @pytest.mark.filterwarnings("ignore::DeprecationWarning")
            def test_mark_ignores_builtin():
                legacy.core.old()


            @pytest.mark.filterwarnings("ignore:old:legacy.core.RemovedIn3")
            def test_mark_ignores_first_party_class():
                legacy.core.old()


            @pytest.mark.filterwarnings("i::PendingDeprecationWarning")
            @pytest.mark.filterwarnings("ign::DeprecationWarning")
            def test_mark_abbreviated_action():
                legacy.core.old()


            @pytest.mark.filterwarnings("ignore")
            def test_mark_ignores_everything():
                legacy.core.old()


            @pytest.mark.filterwarnings("ignore::UserWarning")
            def test_mark_ignores_other_category():
                legacy.core.old()


            @pytest.mark.filterwarnings("error::DeprecationWarning")
            def test_mark_errors():
                legacy.core.old()


            @pytest.mark.filterwarnings("ignore::DeprecationWarning")
            class TestMarkedClass:
                def test_method(self):
                    legacy.core.old()


            class TestUnittest(unittest.TestCase):
                def test_assert_warns(self):
                    with self.assertWarns(DeprecationWarning):
                        legacy.core.old()

                def test_assert_warns_other(self):
                    with self.assertWarns(UserWarning):
                        legacy.core.other()
                        legacy.core.old()
            """;

    private static final String LEGACY = """
            import warnings


            class LegacyWarning(DeprecationWarning):
                pass


            class RemovedIn3(LegacyWarning):
                pass


            def old():
                warnings.warn("old() is deprecated", RemovedIn3, stacklevel=2)
                return 1


            def other():
                warnings.warn("other", UserWarning, stacklevel=2)
            """;

    @Test
    void pytest911() throws Exception {
        check("9.1.1");
    }

    @Test
    void pytest842() throws Exception {
        check("8.4.2");
    }

    private void check(String version) throws Exception {
        Path root = Files.createTempDirectory("lintgate-deprecated-scopes-").toRealPath();
        try {
            write(root, "lintgate.toml", "src = [\".\"]\n\n[[deprecated]]\nname = \"legacy.core.old\"\n");
            write(root, "pytest.ini", "[pytest]\nfilterwarnings = error\npythonpath = .\n");
            write(root, "pyproject.toml", "[project]\nname = \"legacy\"\nversion = \"1.0\"\n");
            write(root, "legacy/__init__.py", "");
            write(root, "legacy/core.py", LEGACY);
            // another project: a user of legacy, where only the scopes excuse a use
            write(root, "service/pyproject.toml", "[project]\nname = \"service\"\nversion = \"1.0\"\n");
            write(root, "service/__init__.py", "");
            write(root, "service/tests/__init__.py", "");
            write(root, "service/tests/test_scopes.py", TESTS);
            write(root, "service/tests/test_module_mark.py", MODULE_MARK);

            Map<String, Boolean> passed = pytest(PytestVenvs.python(version), root);
            Project project = new ProjectLoader(root, root).load(List.of("."), null, false);
            List<Rule> lg104 = AllRules.create().stream().filter(r -> r.code().equals("LG104")).toList();
            TreeSet<String> reported = new TreeSet<>();
            for (Finding f : new Engine(RuleCatalog.bundled(), 1).run(project, lg104).findings()) {
                Matcher m = WHEN.matcher(f.message());
                assertTrue(m.find(), f.message());
                reported.add(m.group(1) != null ? m.group(1) : f.location().path());
            }
            TreeSet<String> failed = new TreeSet<>();
            passed.forEach((test, ok) -> {
                if (!ok) failed.add(test);
            });
            System.out.printf("deprecated scopes oracle, pytest %s: %d tests and modules, %d fail with the warning as an error, "
                    + "%d reported by LG104%n", version, passed.size(), failed.size(), reported.size());
            assertEquals(24, passed.size(), "tests run and modules collected: " + passed);
            assertEquals(failed, reported, "LG104 must report exactly the tests real pytest fails");
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Outcome per test, "test_x" or "TestClass.test_y" as lintgate's message names it, and per module whose own code
     * is at stake, by path: false when pytest could not import it.
     */
    private static Map<String, Boolean> pytest(Path python, Path root) throws IOException, InterruptedException {
        // --continue-on-collection-errors: the module that fails to import must not stop the others
        Process p = new ProcessBuilder(python.toString(), "-m", "pytest", "-rA", "-q", "-p", "no:cacheprovider",
                "--continue-on-collection-errors", "service/tests/test_scopes.py", "service/tests/test_module_mark.py")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "pytest did not finish");
        Map<String, Boolean> outcomes = new TreeMap<>();
        Matcher m = OUTCOME.matcher(out);
        while (m.find()) {
            outcomes.put(m.group(2).replace("::", "."), m.group(1).equals("PASSED"));
        }
        outcomes.put("service/tests/test_module_mark.py", true);
        Matcher errors = COLLECTION_ERROR.matcher(out);
        while (errors.find()) {
            outcomes.put(errors.group(1), false);
        }
        assertTrue(!outcomes.isEmpty(), "no outcomes in pytest's output:\n" + out);
        return outcomes;
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
