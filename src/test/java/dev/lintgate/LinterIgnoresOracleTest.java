package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real ruff and flake8 as the oracle for honouring the project's own F821 decisions: on the LG107 fixtures
 * {@code ruff-ignores} and {@code flake8-ignores} (per-file ignores with globs, code prefixes and negation, excludes,
 * {@code # noqa: F821}, file-wide exemptions), the lines where LG107 still reports must be exactly those where the
 * linter, run with the project's settings, reports F821. Every undefined name in those fixtures is one both see.
 */
class LinterIgnoresOracleTest {
    private static final Path CASES = RuleFixturesTest.FIXTURES.resolve("LG107");

    @Test
    void lg107ReportsWhereRuffReportsF821() throws Exception {
        Path caseDir = CASES.resolve("ruff-ignores");
        Path python = venv();
        String json = run(caseDir, List.of(python.resolveSibling("ruff").toString(), "check", "--no-cache",
                "--output-format", "concise", "--exit-zero", "."));
        compare(caseDir, f821(json, Pattern.compile("^(?:\\./)?(\\S+?):(\\d+):\\d+: F821 ", Pattern.MULTILINE)), "ruff");
    }

    @Test
    void lg107ReportsWhereFlake8ReportsF821() throws Exception {
        Path caseDir = CASES.resolve("flake8-ignores");
        Path python = venv();
        String out = run(caseDir, List.of(python.toString(), "-m", "flake8", "--exit-zero", "."));
        compare(caseDir, f821(out, Pattern.compile("^(?:\\./)?(\\S+?):(\\d+):\\d+: F821 ", Pattern.MULTILINE)), "flake8");
    }

    private static void compare(Path caseDir, Set<String> linter, String name) {
        Set<String> lintgate = new TreeSet<>();
        for (Finding f : Lint.run(caseDir, "LG107").findings()) {
            lintgate.add(f.location().path() + ":" + f.location().region().startLine());
        }
        System.out.printf("linter ignores oracle: %s reports F821 on %s; LG107 on %s%n", name, linter, lintgate);
        assertTrue(!linter.isEmpty(), name + " reported no F821 at all: the comparison would prove nothing");
        assertEquals(linter, lintgate, "lines where " + name + " reports F821 vs lines where LG107 reports");
    }

    private static Set<String> f821(String output, Pattern line) {
        Set<String> out = new TreeSet<>();
        Matcher m = line.matcher(output);
        while (m.find()) out.add(m.group(1) + ":" + m.group(2));
        return out;
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) fail(command + " failed:\n" + out);
        return out;
    }

    /** ruff 0.16.9 and flake8 7.4.1 from the machine's local package index. */
    private static synchronized Path venv() throws IOException, InterruptedException {
        Path dir = Path.of("target", "linters-venv").toAbsolutePath();
        Path python = dir.resolve("bin/python");
        Path ready = dir.resolve(".ready");
        if (Files.exists(ready) && Files.isExecutable(python)) return python;
        for (List<String> command : List.of(List.of("python3", "-m", "venv", "--clear", dir.toString()),
                List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "ruff==0.16.9",
                        "flake8==7.4.1"))) {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            // the default index would make pip retry for minutes without a network
            pb.environment().put("PIP_INDEX_URL", "file:///opt/pypi/simple");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) fail(command + " failed:\n" + out);
        }
        Files.writeString(ready, "ruff==0.16.9 flake8==7.4.1\n");
        return python;
    }
}
