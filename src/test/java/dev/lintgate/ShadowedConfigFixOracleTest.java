package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Finding;
import dev.lintgate.pytest.PytestVenvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LG201's fix against real pytest: what {@code config.getini} returns for each key, read by a plugin in the pytest
 * run. After {@code check --fix --unsafe-fixes}, a key of the shadowed section has the value pytest gives it when
 * that file is the only config (the author's intent), and a key of the winning file keeps its value; before the fix
 * at least one moved key had another value (the finding was true).
 */
class ShadowedConfigFixOracleTest {
    private static final String PLUGIN = """
            import json, os

            def pytest_configure(config):
                out = {}
                for key in os.environ["LG_KEYS"].split(","):
                    try:
                        value = config.getini(key)
                    except ValueError:
                        value = "<unknown key>"
                    out[key] = value if isinstance(value, (str, bool, int, list)) else repr(value)
                with open(os.environ["LG_OUT"], "w") as f:
                    for key, value in out.items():
                        f.write(key + "=" + json.dumps(value) + "\\n")
            """;

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
            "pyproject-settings-move,9.1.1,pytest.ini,markers|addopts|asyncio_mode|asyncio_default_fixture_loop_scope|filterwarnings|python_files|xfail_strict|minversion,addopts|xfail_strict",
            "pyproject-settings-move,8.4.2,pytest.ini,markers|addopts|asyncio_mode|asyncio_default_fixture_loop_scope|filterwarnings|python_files|xfail_strict|minversion,addopts|xfail_strict",
            "setup-cfg-into-tox-ini,9.1.1,tox.ini,markers|asyncio_mode|python_files|xfail_strict,addopts|xfail_strict",
            "setup-cfg-into-tox-ini,8.4.2,tox.ini,markers|asyncio_mode|python_files|xfail_strict,addopts|xfail_strict",
            "empty-pytest-ini-wins,9.1.1,pytest.ini,asyncio_mode,asyncio_mode",
            "empty-pytest-ini-wins,8.4.2,pytest.ini,asyncio_mode,asyncio_mode"})
    void pytestReadsTheMovedSettings(String fixture, String version, String winner, String movedKeys, String winnerKeys)
            throws Exception {
        Path tree = temp.resolve("tree");
        Path alone = temp.resolve("alone");
        TestTrees.copy(Path.of("testdata", "rules", "LG201", fixture), tree);
        TestTrees.copy(Path.of("testdata", "rules", "LG201", fixture), alone);
        Files.delete(alone.resolve(winner));
        List<String> moved = List.of(movedKeys.split("\\|"));
        List<String> kept = List.of(winnerKeys.split("\\|"));
        List<String> keys = new ArrayList<>(moved);
        kept.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        Path python = PytestVenvs.python(version);

        Map<String, String> before = getini(python, tree, keys);
        Map<String, String> intended = getini(python, alone, keys);
        assertTrue(moved.stream().anyMatch(k -> !before.get(k).equals(intended.get(k))),
                "before the fix pytest ignores the shadowed section: " + before + " vs " + intended);
        assertTrue(Lint.run(tree, "LG201").findings().stream().anyMatch(f -> f.fix() != null), "the case has an LG201 fix");

        EndToEndTest.Run fix = EndToEndTest.lintgate("check", tree.toString(), "--select", "LG201", "--fix",
                "--unsafe-fixes", "--exit-zero");
        assertEquals(0, fix.exit(), fix.err());
        assertTrue(Lint.run(tree, "LG201").findings().isEmpty(), "no LG201 finding is left");

        Map<String, String> after = getini(python, tree, keys);
        for (String k : moved) assertEquals(intended.get(k), after.get(k), k + " as the shadowed file meant it");
        for (String k : kept) {
            if (!moved.contains(k)) assertEquals(before.get(k), after.get(k), k + " as the winning file set it");
        }
    }

    /** The incident sets asyncio_default_fixture_loop_scope in both files, to different values: no fix, a person chooses. */
    @Test
    void noFixWhereTheTwoFilesDisagree() throws Exception {
        Path tree = temp.resolve("incident");
        Path alone = temp.resolve("incident-alone");
        TestTrees.copyIncident(tree);
        TestTrees.copyIncident(alone);
        Files.delete(alone.resolve("pytest.ini"));
        List<Finding> findings = Lint.run(tree, "LG201").findings();
        assertTrue(!findings.isEmpty() && findings.stream().allMatch(f -> f.fix() == null), findings.toString());

        Path python = PytestVenvs.python("9.1.1");
        List<String> key = List.of("asyncio_default_fixture_loop_scope");
        String used = getini(python, tree, key).get(key.get(0));
        String shadowed = getini(python, alone, key).get(key.get(0));
        assertEquals("\"function\"", used);
        assertEquals("\"session\"", shadowed);
        assertNotEquals(used, shadowed);
    }

    private Map<String, String> getini(Path python, Path cwd, List<String> keys) throws IOException, InterruptedException {
        Path plugins = temp.resolve("plugins");
        Files.createDirectories(plugins);
        Files.writeString(plugins.resolve("lg_getini.py"), PLUGIN);
        Path out = temp.resolve("getini-" + System.nanoTime() + ".json");
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-m", "pytest", "--co", "-q", "-p", "lg_getini",
                "-p", "no:cacheprovider").directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("PYTEST_ADDOPTS");
        pb.environment().put("PYTHONPATH", plugins.toString());
        pb.environment().put("LG_KEYS", String.join(",", keys));
        pb.environment().put("LG_OUT", out.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(Files.exists(out), "pytest in " + cwd + " read its config:\n" + output);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        return values;
    }
}
