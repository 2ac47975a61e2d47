package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.finding.Finding;
import dev.lintgate.python.ModuleNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CPython as the oracle for LG102, LG106 and LG107: every module of their fixtures is imported in a fresh
 * {@code python3} and its functions are called (None for each required argument). A module must raise NameError
 * (ImportError for LG106) at import exactly on a line lintgate reports "at import time", and import cleanly
 * otherwise; a function lintgate reports "when `f()` is called" must raise it on a reported line, and any
 * NameError/ImportError from any other function must be on a reported line too. A module CPython refuses to
 * compile (a syntax error, {@code from __future__ import braces}) never runs, so lintgate must report nothing in it.
 * The case directory and its {@code src/} are on sys.path, as lintgate's default source roots; a case's
 * {@code site-packages/} (which lintgate never walks) stands for the installed distributions and comes after them.
 * A function pytest skips on this interpreter (a true {@code skipif} on it, its class or its module) is not called:
 * code that runs only on a newer Python cannot be judged by this one, and lintgate must not say it fails here.
 * Runs the python of the pytest 9.1.1 venv ({@link dev.lintgate.pytest.PytestVenvs}), or {@code LINTGATE_PYTHON}
 * (which must have pytest); fails (never skips) without CPython. Cases whose {@code target-version} is newer than the
 * interpreter (PEP 695 on 3.11) are counted separately, not silently passed; so are cases with an
 * {@code oracle-skip.txt}, which says which other oracle judges them.
 */
class NamesOracleTest {
    private static final Pattern CALLED = Pattern.compile("when `([^`]+)\\(\\)` is called");
    private static final Map<String, String> ERROR = Map.of("LG102", "NameError", "LG107", "NameError", "LG106", "ImportError");

    private int modules;
    private int importTimeAgreed;
    private int cleanImports;
    private int callsAgreed;
    private int cleanCalls;
    private int uncompilable;
    private int tooNew;
    private int judgedElsewhere;
    private int skippedCalls;

    @Test
    void cpythonFailsExactlyWhereLintgateSays() throws Exception {
        Path script = Files.createTempFile("run_fixture_module", ".py");
        try (InputStream in = getClass().getResourceAsStream("/oracle/run_fixture_module.py")) {
            Files.write(script, Objects.requireNonNull(in, "oracle script on the test classpath").readAllBytes());
        }
        List<String> mismatches = new ArrayList<>();
        try {
            for (String code : ERROR.keySet().stream().sorted().toList()) {
                try (Stream<Path> cases = Files.list(RuleFixturesTest.FIXTURES.resolve(code))) {
                    for (Path caseDir : cases.filter(Files::isDirectory).sorted().toList()) {
                        checkCase(code, caseDir, script, mismatches);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(script);
        }
        System.out.printf("names oracle: %d modules; %d import-time failures agreed, %d clean imports agreed, "
                        + "%d call-time failures agreed, %d functions called clean; %d modules CPython cannot compile, "
                        + "with no finding; %d cases need a newer Python; %d cases judged by another oracle (oracle-skip.txt); "
                        + "%d functions not called, as pytest skips them on this interpreter%n",
                modules, importTimeAgreed, cleanImports, callsAgreed, cleanCalls, uncompilable, tooNew, judgedElsewhere,
                skippedCalls);
        if (!mismatches.isEmpty()) fail("CPython disagrees with lintgate:\n  " + String.join("\n  ", mismatches));
        assertTrue(importTimeAgreed > 0 && callsAgreed > 0 && cleanImports > 0, "the oracle compared nothing");
    }

    private void checkCase(String code, Path caseDir, Path script, List<String> mismatches) throws Exception {
        Path config = caseDir.resolve("lintgate.toml");
        Matcher target = Pattern.compile("target-version\\s*=\\s*\"py3(\\d+)\"").matcher(Files.exists(config) ? Files.readString(config) : "");
        if (target.find() && Integer.parseInt(target.group(1)) > interpreterMinor()) {
            // the case is about a newer Python's semantics (PEP 649 in py314): this interpreter cannot judge it
            tooNew++;
            return;
        }
        if (Files.exists(caseDir.resolve("oracle-skip.txt"))) {
            // the case's modules exist only after something this oracle does not do (a build); its file says who judges it
            judgedElsewhere++;
            return;
        }
        List<Finding> findings = Lint.run(caseDir, code).findings();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(caseDir)) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        String error = ERROR.get(code);
        for (Path file : files) {
            String rel = caseDir.relativize(file).toString().replace('\\', '/');
            if (rel.startsWith("site-packages/")) continue; // the installed distributions the case imports
            String module = ModuleNames.moduleName(rel, List.of(".", "src"));
            Set<Integer> importLines = new TreeSet<>();
            Map<String, Set<Integer>> callLines = new LinkedHashMap<>();
            Set<Integer> allLines = new TreeSet<>();
            for (Finding f : findings) {
                if (!f.location().path().equals(rel)) continue;
                int line = f.location().region().startLine();
                allLines.add(line);
                if (f.message().contains("at import time")) importLines.add(line);
                Matcher m = CALLED.matcher(f.message());
                if (m.find()) callLines.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(line);
            }
            modules++;
            String where = code + "/" + caseDir.getFileName() + "/" + rel;
            List<String> out = run(script, caseDir, module, List.of());
            String imported = out.isEmpty() ? "import nothing" : out.get(0).replace("ModuleNotFoundError", "ImportError");
            if (imported.startsWith("import SyntaxError")) {
                // the module's code never runs: no ImportError or NameError lintgate names can happen
                if (allLines.isEmpty()) uncompilable++;
                else mismatches.add(where + ": lintgate reports failures on " + allLines + ", but CPython cannot compile the module: " + imported);
                continue;
            }
            if (!importLines.isEmpty()) {
                int line = lineOf(imported);
                if (imported.startsWith("import " + error) && importLines.contains(line)) importTimeAgreed++;
                else mismatches.add(where + ": lintgate says import fails on " + importLines + ", CPython: " + imported);
                continue;
            }
            if (!imported.equals("import ok")) {
                mismatches.add(where + ": lintgate reports no import-time failure, CPython: " + imported);
                continue;
            }
            cleanImports++;
            for (String event : out.subList(1, out.size())) {
                String[] parts = event.split(" ");
                if (parts[2].equals("skipped")) {
                    // pytest never runs it on this interpreter: nothing lintgate says fails there can be checked here
                    if (callLines.containsKey(parts[1])) {
                        mismatches.add(where + ": lintgate says " + parts[1] + "() fails, but pytest skips it here");
                    }
                    skippedCalls++;
                    continue;
                }
                parts[2] = kind(parts[2]);
                String qual = parts[1];
                boolean failed = parts[2].equals(error) || parts[2].equals("NameError") || parts[2].equals("ImportError");
                Set<Integer> expected = callLines.get(qual);
                if (expected != null) {
                    if (parts[2].equals(error) && parts.length > 3 && expected.contains(Integer.parseInt(parts[3]))) callsAgreed++;
                    else mismatches.add(where + ": lintgate says " + qual + "() fails on " + expected + ", CPython: " + event);
                } else if (failed && (parts.length < 4 || !allLines.contains(Integer.parseInt(parts[3])))) {
                    mismatches.add(where + ": CPython fails in " + qual + "() where lintgate reports nothing: " + event);
                } else if (!failed) {
                    cleanCalls++;
                }
            }
            for (String qual : callLines.keySet()) {
                if (out.stream().noneMatch(e -> e.startsWith("call " + qual + " "))) {
                    mismatches.add(where + ": lintgate names " + qual + "(), which CPython cannot reach from the module");
                }
            }
        }
    }

    private Integer minor;

    private int interpreterMinor() throws IOException, InterruptedException {
        if (minor == null) {
            Process p = new ProcessBuilder(python(), "-c", "import sys; print(sys.version_info[1])").start();
            minor = Integer.parseInt(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            p.waitFor();
        }
        return minor;
    }

    /**
     * {@code LINTGATE_PYTHON}, or the python of the pytest 9.1.1 venv: fixtures import pytest for their skip marks, and
     * a bare python3 may not have it.
     */
    private static String python() throws IOException, InterruptedException {
        String configured = System.getenv("LINTGATE_PYTHON");
        return configured != null ? configured : dev.lintgate.pytest.PytestVenvs.python("9.1.1").toString();
    }

    /** ModuleNotFoundError is an ImportError. */
    private static String kind(String exceptionName) {
        return exceptionName.equals("ModuleNotFoundError") ? "ImportError" : exceptionName;
    }

    private static int lineOf(String event) {
        String[] parts = event.split(" ");
        try {
            return Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> run(Path script, Path root, String module, List<String> calls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python(), "-I", script.toString(), root.toAbsolutePath().toString(), module));
        command.addAll(calls);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            fail("the oracle needs CPython: set LINTGATE_PYTHON or let PytestVenvs build its venv (" + e.getMessage() + ")");
            return List.of();
        }
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        byte[] err = process.getErrorStream().readAllBytes();
        if (process.waitFor() != 0) fail("oracle script failed for " + module + ": " + new String(err, StandardCharsets.UTF_8));
        return text.lines().toList();
    }
}
