package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.pytest.PytestVenvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * LG210's fix against real pytest: in fixture trees where pytest with {@code --strict-markers} fails on an
 * unregistered marker, {@code lintgate check --fix} registers it, and the same pytest invocations then pass (the
 * tests run, so markers added at run time are checked too).
 */
class MarkerFixOracleTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"per-invocation,9.1.1", "per-invocation,8.4.2", "conftest-above-config,9.1.1", "import-spellings,9.1.1",
            "import-spellings,8.4.2", "incident,9.1.1"})
    void strictMarkersAcceptTheTestsOnceFixed(String fixture, String version) throws Exception {
        Path source = fixture.equals("incident") ? TestTrees.INCIDENT : Path.of("testdata", "rules", "LG210", fixture);
        Path tree = temp.resolve(fixture);
        TestTrees.copy(source, tree);
        Engine.Result before = Lint.run(tree, "LG210");
        assertTrue(before.findings().stream().anyMatch(f -> f.fix() != null), "the case has a fixable LG210 finding");
        // pytest from the root, and as `pytest DIR` for each directory holding a finding
        List<List<String>> invocations = new ArrayList<>();
        invocations.add(List.of());
        for (String dir : new TreeSet<>(before.findings().stream().map(Finding::location)
                .map(l -> l.path().contains("/") ? l.path().substring(0, l.path().lastIndexOf('/')) : ".").toList())) {
            invocations.add(List.of(dir));
        }
        Path python = PytestVenvs.python(version);
        boolean failedBefore = false;
        for (List<String> args : invocations) failedBefore |= pytest(python, tree, args).exit != 0;
        assertTrue(failedBefore, "pytest --strict-markers fails somewhere before the fix");

        EndToEndTest.Run fix = EndToEndTest.lintgate("check", tree.toString(), "--select", "LG210", "--fix", "--exit-zero");
        assertEquals(0, fix.exit(), fix.err());
        assertTrue(Lint.run(tree, "LG210").findings().stream().noneMatch(f -> f.fix() != null));
        for (List<String> args : invocations) {
            Result r = pytest(python, tree, args);
            assertEquals(0, r.exit, "pytest " + args + " after the fix:\n" + r.out);
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result pytest(Path python, Path cwd, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pytest", "--strict-markers", "-q", "-p", "no:cacheprovider"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("PYTEST_ADDOPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }
}
