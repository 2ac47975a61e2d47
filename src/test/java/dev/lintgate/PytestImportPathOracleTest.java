package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.finding.Finding;
import dev.lintgate.pytest.PytestVenvs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pytest as the oracle for which {@code tests} package an import means: the LG106 fixture
 * {@code pytest-base-dir} has the root's {@code tests} and a nested project's {@code service/tests}. Run as their
 * maintainers run them ({@code pytest tests} at the root, {@code pytest} in {@code service/}), the test modules whose
 * collection fails with an ImportError must be exactly the ones LG106 reports, and the nested project's import of
 * {@code tests.helpers}, which pytest resolves to {@code service/tests}, must pass.
 */
class PytestImportPathOracleTest {
    private static final Path CASE = RuleFixturesTest.FIXTURES.resolve("LG106/pytest-base-dir").toAbsolutePath();
    private static final Pattern IMPORT_ERROR = Pattern.compile("ERROR collecting (\\S+\\.py) ");

    @TempDir
    Path work;

    @Test
    void lg106ReportsTheModulesPytestCannotImport() throws Exception {
        Path python = PytestVenvs.python("9.1.1");
        Set<String> failed = new TreeSet<>();
        // a copy: in place, pytest would take this repository's pyproject.toml for the rootdir
        TestTrees.copy(CASE, work);
        String root = run(python, work, List.of("tests"));
        String service = run(python, work.resolve("service"), List.of());
        collect(root, "", failed);
        collect(service, "service/", failed);
        assertTrue(service.contains("1 passed"), "pytest in service/ imports service/tests/helpers.py:\n" + service);
        Set<String> reported = new TreeSet<>();
        for (Finding f : Lint.run(CASE, "LG106").findings()) reported.add(f.location().path());
        System.out.printf("pytest import path oracle: pytest fails to import %s; LG106 reports %s%n", failed, reported);
        assertEquals(failed, reported, "test modules pytest cannot import vs test modules LG106 reports");
    }

    private static void collect(String output, String prefix, Set<String> out) {
        Matcher m = IMPORT_ERROR.matcher(output);
        while (m.find()) out.add(prefix + m.group(1));
    }

    private static String run(Path python, Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(python.toString(), "-m", "pytest", "-q", "-p", "no:cacheprovider"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) fail("pytest timed out in " + dir);
        return out;
    }
}
