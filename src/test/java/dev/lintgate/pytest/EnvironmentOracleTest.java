package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the environment fixtures claim, checked against real pytest 8.4.2 and 9.1.1 with the real plugins
 * ({@link PytestVenvs#withPlugins}: pytest-asyncio 1.4.0, pytest-timeout 2.4.0...). A plugin a fixture does not
 * install is kept out of the run with {@code -p no:NAME}, which is how pytest behaves without it. Each case runs
 * lintgate on the fixture and pytest on a copy of it, and both must tell the same story: a finding lintgate reports
 * is what pytest does with the releases the finding names, and a clean fixture is one pytest runs cleanly.
 */
class EnvironmentOracleTest {

    @TempDir
    Path work;

    private record Outcome(int exit, String output) {
    }

    @Test
    void pluginsPinnedUnderARequirementsDirectoryRunAsyncTestsAndKnowTheirKeys() throws Exception {
        Path clean = fixture("LG215", "requirements-dir-clean");
        assertEquals(List.of(), findings(clean, "LG215", "LG208"));
        Outcome ran = pytest("9.1.1", clean, "--strict-config");
        assertEquals(0, ran.exit(), ran.output());
        assertTrue(ran.output().contains("1 passed"), ran.output());

        // without pytest-asyncio the async test fails, as LG215 says of the fixture that does not declare it
        Path undeclared = fixture("LG215", "requirements-dir-undeclared");
        assertEquals(List.of("tests/test_client.py:6 LG215 error"), findings(undeclared, "LG215"));
        Outcome failed = pytest("9.1.1", undeclared, "-p", "no:asyncio");
        assertTrue(failed.output().contains("1 failed") && failed.output().contains("async def functions are not natively supported"),
                failed.output());

        // and without pytest-timeout its key is unknown, as LG208 says
        Path noTimeout = fixture("LG208", "requirements-dir-undeclared");
        assertEquals(List.of("setup.cfg:7 LG208 warning"), findings(noTimeout, "LG208"));
        Outcome warned = pytest("9.1.1", noTimeout, "-p", "no:timeout");
        assertTrue(warned.output().contains("Unknown config option: timeout"), warned.output());
    }

    @Test
    void pytestTimeoutTwoFourTakesATimeoutStringNotAnInt() throws Exception {
        Path string = fixture("LG203", "timeout-string-clean");
        assertEquals(List.of(), findings(string, "LG203", "LG208"));
        Outcome passed = pytest("9.1.1", string);
        assertEquals(0, passed.exit(), passed.output());

        Path integer = fixture("LG203", "timeout-int-on-2.4");
        assertEquals(List.of("pyproject.toml:10 LG203 error"), findings(integer, "LG203"));
        Outcome refused = pytest("9.1.1", integer);
        assertTrue(refused.exit() != 0 && refused.output().contains("config option 'timeout' expects a string, got int"), refused.output());
    }

    @Test
    void aRangeReportsWhatHoldsForTheReleasesItNames() throws Exception {
        Path range = fixture("LG207", "range-admits-8");
        Project project = project(range);
        assertEquals(List.of("8.4.2", "9.0.3", "9.1.1"), project.fact(PytestVersions.FACT).all().stream().map(Object::toString).toList());
        List<Finding> lg207 = run(project, "LG207");
        assertEquals(1, lg207.size(), lg207.toString());
        assertTrue(lg207.get(0).message().startsWith("pytest 8.4 (admitted by pytest>=8.4.1 in requirements.txt) ignores"), lg207.get(0).message());
        // 8.4 ignores [tool.pytest] (pyproject.toml only fixes the rootdir): its marker is not registered, nothing strict
        Outcome old = pytest("8.4.2", range);
        assertEquals(0, old.exit(), old.output());
        assertTrue(old.output().contains("PytestUnknownMarkWarning: Unknown pytest.mark.slow"), old.output());
        // 9.1 reads it: strict, the marker registered
        Outcome current = pytest("9.1.1", range);
        assertEquals(0, current.exit(), current.output());
        assertTrue(current.output().contains("configfile: pyproject.toml") && !current.output().contains("PytestUnknownMarkWarning"),
                current.output());
    }

    @Test
    void bothTablesStopPytestNineAndLeaveEightFourWithoutItsMarkers() throws Exception {
        Path both = fixture("LG207", "range-both-tables");
        List<Finding> lg207 = run(project(both), "LG207");
        assertEquals(List.of("pytest 8.4 (admitted by pytest>=8.4.1 in requirements.txt) ignores settings directly in [tool.pytest]",
                "pytest stops: [tool.pytest] and [tool.pytest.ini_options] cannot be used together; with pytest 9.0 and 9.1"),
                lg207.stream().map(f -> f.message().replaceAll(" \\(native TOML.*| \\(admitted by pytest>=8.4.1 in requirements.txt\\)$", "")).toList());
        Outcome current = pytest("9.1.1", both);
        assertTrue(current.exit() != 0 && current.output().contains("Cannot use both [tool.pytest] (native TOML types) and "
                + "[tool.pytest.ini_options] (string-based INI format) simultaneously"), current.output());
        // 8.4 runs with [tool.pytest.ini_options] alone: strict markers, and `slow` registered nowhere
        Outcome old = pytest("8.4.2", both);
        assertTrue(old.exit() != 0 && old.output().contains("'slow' not found in `markers` configuration option"), old.output());
    }

    @Test
    void theNearestProjectsLockDecides() throws Exception {
        Path nested = fixture("LG207", "nested-lock-clean");
        Project project = project(nested);
        assertEquals("9.1.1", project.fact(PytestVersions.FACT).at("").get(0).version().toString());
        assertEquals("8.4.1", project.fact(PytestVersions.FACT).at("a-sub").get(0).version().toString());
        assertEquals(List.of(), findings(nested, "LG207"));
        Outcome root = pytest("9.1.1", nested, "--co");
        assertTrue(root.output().contains("configfile: pyproject.toml"), root.output());
        // and the nested project's own native table is ignored by the 8.4 its lock pins
        Path sub = fixture("LG207", "nested-lock");
        assertEquals(List.of("a-sub/pyproject.toml:8 LG207 error"), findings(sub, "LG207"));
        Outcome old = pytest("8.4.2", sub.resolve("a-sub"));
        assertTrue(old.output().contains("PytestUnknownMarkWarning: Unknown pytest.mark.slow"), old.output());
        Outcome current = pytest("9.1.1", sub.resolve("a-sub"));
        assertTrue(current.exit() == 0 && !current.output().contains("PytestUnknownMarkWarning"), current.output());
    }

    @Test
    void anExtraOfAnotherPackageInstallsNothing() throws Exception {
        Path poetry = fixture("LG208", "poetry-lock-extras");
        assertEquals(List.of("pyproject.toml:14 LG208 warning"), findings(poetry, "LG208"));
        Outcome warned = pytest("9.1.1", poetry, "-p", "no:asyncio");
        assertTrue(warned.output().contains("Unknown config option: asyncio_mode"), warned.output());
    }

    /** A copy of a fixture in the temporary directory, so that pytest's runs leave the fixture untouched. */
    private Path fixture(String rule, String name) throws IOException {
        Path source = Path.of("testdata", "rules", rule, name);
        Path target = work.resolve(rule + "-" + name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }

    private static Project project(Path dir) {
        return new ProjectLoader(dir, dir).load(List.of("."), null, false);
    }

    private static List<Finding> run(Project project, String... codes) {
        List<Rule> rules = AllRules.create().stream().filter(r -> Set.of(codes).contains(r.code())).toList();
        return new Engine(RuleCatalog.bundled(), 1).run(project, rules).findings();
    }

    private static List<String> findings(Path dir, String... codes) {
        return run(project(dir), codes).stream()
                .map(f -> f.location().path() + ":" + f.location().region().startLine() + " " + f.code() + " "
                        + f.severity().toString().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static Outcome pytest(String version, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PytestVenvs.withPlugins(version).toString(), "-m", "pytest",
                "-p", "no:cacheprovider", "-rA"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().remove("PYTEST_ADDOPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "pytest timed out");
        return new Outcome(p.exitValue(), out);
    }
}
