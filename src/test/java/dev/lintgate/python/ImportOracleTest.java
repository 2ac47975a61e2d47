package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.report.JsonTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Compares the scanner's imports with CPython's {@code ast} on every .py file of the local stdlib and site-packages.
 * The Python side ({@code oracle/imports_oracle.py}) implements the typing-only rules independently. Fails (never
 * skips) without a Python: set {@code LINTGATE_PYTHON} or put {@code python3} on PATH.
 */
class ImportOracleTest {

    private final ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    private final AtomicInteger filesCompared = new AtomicInteger();
    private final AtomicInteger importsCompared = new AtomicInteger();
    private final AtomicInteger definitionsCompared = new AtomicInteger();
    private final AtomicInteger warningBlocksCompared = new AtomicInteger();
    private final AtomicInteger truncationChecks = new AtomicInteger();
    private final AtomicInteger recoveryChecks = new AtomicInteger();
    private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile("[\\w.]+", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
    private int rejected;

    @Test
    void scannerImportsMatchCpythonAst() throws Exception {
        Files.deleteIfExists(Path.of("target", "oracle-mismatches.txt"));
        String python = System.getenv().getOrDefault("LINTGATE_PYTHON", "python3");
        Path script = Files.createTempFile("imports_oracle", ".py");
        try (InputStream in = getClass().getResourceAsStream("/oracle/imports_oracle.py")) {
            Files.write(script, Objects.requireNonNull(in, "oracle script on the test classpath").readAllBytes());
        }
        Process process;
        try {
            process = new ProcessBuilder(python, script.toString()).start();
        } catch (IOException e) {
            fail("the oracle needs CPython: set LINTGATE_PYTHON or put python3 on PATH (" + e.getMessage() + ")");
            return;
        }
        StringBuilder stderr = new StringBuilder();
        Thread errors = new Thread(() -> {
            try {
                stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the exit code reports the failure
            }
        });
        errors.start();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, Object> header = parse(out.readLine());
            assertTrue(header != null && header.containsKey("root"), "oracle header missing; stderr: " + stderr);
            Path root = Path.of((String) header.get("root"));
            @SuppressWarnings("unchecked")
            List<String> srcRoots = (List<String>) header.get("srcRoots");
            String line;
            while ((line = out.readLine()) != null) {
                Map<String, Object> file = parse(line);
                if ("rejected".equals(file.get("status"))) {
                    rejected++;
                    continue;
                }
                pool.submit(() -> compare(root, srcRoots, file));
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES));
        }
        int exit = process.waitFor();
        errors.join();
        Files.deleteIfExists(script);
        assertEquals(0, exit, "oracle failed: " + stderr);

        System.out.printf("ImportOracleTest: files compared %d, imports compared %d, definitions compared %d,"
                + " warning blocks compared %d, imports checked in truncated files %d, error-injection recoveries checked %d,"
                + " files skipped (CPython rejects) %d, mismatches %d%n",
                filesCompared.get(), importsCompared.get(), definitionsCompared.get(), warningBlocksCompared.get(),
                truncationChecks.get(), recoveryChecks.get(), rejected, mismatches.size());
        assertTrue(filesCompared.get() > 100, "too few files compared: " + filesCompared.get());
        assertTrue(warningBlocksCompared.get() > 50, "too few warning blocks compared: " + warningBlocksCompared.get());
        if (!mismatches.isEmpty()) {
            List<String> sorted = new ArrayList<>(mismatches);
            sorted.sort(null);
            Path report = Path.of("target", "oracle-mismatches.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, sorted);
            fail(mismatches.size() + " mismatches (all in " + report + "), first 30:\n" + String.join("\n", sorted.subList(0, Math.min(30, sorted.size()))));
        }
    }

    @SuppressWarnings("unchecked")
    private void compare(Path root, List<String> srcRoots, Map<String, Object> expected) {
        String rel = (String) expected.get("path");
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(rel));
            String module = ModuleNames.moduleName(rel, srcRoots);
            boolean isPackage = ModuleNames.isPackage(rel);
            if (!Objects.equals(module, expected.get("module")) || isPackage != (Boolean) expected.get("package")) {
                mismatches.add(rel + ": module name " + module + "/" + isPackage + ", CPython " + expected.get("module"));
            }
            PythonFile file = PythonFiles.parse(rel, module, isPackage, bytes);
            for (SyntaxProblem p : file.syntaxProblems()) {
                mismatches.add(rel + ":" + p.region().startLine() + ": syntax problem on a file CPython accepts: " + p.message());
            }
            Map<String, Integer> remaining = new HashMap<>();
            List<List<Object>> rows = (List<List<Object>>) expected.get("imports");
            for (List<Object> row : rows) {
                remaining.merge(key(row), 1, Integer::sum);
            }
            List<String> extra = new ArrayList<>();
            for (ImportBinding b : file.imports()) {
                String k = key(List.of(b.statementLine(), b.level(), b.module(), b.name() == null ? "" : b.name(),
                        b.boundName(), b.target() == null ? "" : b.target(), b.context().name(), b.scope(), b.inFunction()));
                if (remaining.merge(k, -1, Integer::sum) < 0) {
                    extra.add(k);
                }
            }
            for (String k : extra) {
                mismatches.add(rel + ":" + k.substring(0, k.indexOf('|')) + ": scanner only  " + k);
            }
            remaining.forEach((k, count) -> {
                for (int i = 0; i < count; i++) {
                    mismatches.add(rel + ":" + k.substring(0, k.indexOf('|')) + ": CPython only  " + k);
                }
            });
            importsCompared.addAndGet(rows.size());
            if (Math.floorMod(rel.hashCode(), 4) == 0) {
                // a fixed quarter of the corpus keeps the damage checks from doubling the test's time
                checkTruncationKeepsEarlierImports(rel, module, isPackage, bytes, file);
                checkRecoveryAfterInjectedError(rel, module, isPackage, bytes, file, "x = foo(1,\n");
                checkRecoveryAfterInjectedError(rel, module, isPackage, bytes, file, "x = 'never closed\n");
                checkRecoveryAfterInjectedError(rel, module, isPackage, bytes, file, "x = '''never closed\n");
            }
            compareDefinitions(rel, file, (List<List<Object>>) expected.get("definitions"));
            compareWarningBlocks(rel, file, (List<List<Object>>) expected.get("warningBlocks"));
            filesCompared.incrementAndGet();
        } catch (Throwable e) {
            mismatches.add(rel + ": scanner threw " + e);
        }
    }

    /**
     * Error recovery on real code: cutting the file in the middle (mid-string, mid-bracket, mid-block) must not throw
     * nor lose any import that ends before the cut. Extra imports are allowed (e.g. from a runaway docstring).
     */
    private void checkTruncationKeepsEarlierImports(String rel, String module, boolean isPackage, byte[] bytes,
                                                    PythonFile full) {
        int cut = bytes.length / 2;
        byte[] half = java.util.Arrays.copyOf(bytes, cut);
        int cutLine = 1;
        for (int i = 0; i < cut; i++) {
            if (bytes[i] == '\n') {
                cutLine++;
            }
        }
        PythonFile truncated = PythonFiles.parse(rel, module, isPackage, half);
        Map<ImportBinding, Integer> kept = new HashMap<>();
        for (ImportBinding b : truncated.imports()) {
            kept.merge(b, 1, Integer::sum);
        }
        for (ImportBinding b : full.imports()) {
            if (b.region().endLine() >= cutLine) {
                continue;
            }
            truncationChecks.incrementAndGet();
            if (kept.merge(b, -1, Integer::sum) < 0) {
                mismatches.add(rel + ":" + b.statementLine() + ": truncated at line " + cutLine + ", lost " + b);
            }
        }
    }

    /**
     * Resync on real code: an unclosed bracket, an unterminated string, or a triple-quoted string that runs to the
     * end of the file, injected before a column-0 def/class a third into the file, must leave every import of the
     * file intact (lines after the injection shift by one).
     */
    private void checkRecoveryAfterInjectedError(String rel, String module, boolean isPackage, byte[] bytes,
                                                 PythonFile full, String injected) {
        int third = countLines(bytes) / 3;
        int at = -1;
        for (Definition d : full.definitions()) {
            int line = d.nameRegion().startLine();
            String text = full.line(line);
            if (line >= third && d.decorators().isEmpty()
                    && (text.startsWith("def ") || text.startsWith("class ") || text.startsWith("async def "))) {
                at = line;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        int offset = 0;
        for (int line = 1; line < at; offset++) {
            if (bytes[offset] == '\n') {
                line++;
            }
        }
        if (injected.contains("'''") && new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1).contains("'''")) {
            // a later ''' would close the injected string and put the rest of the file out of phase; only a
            // string that runs to the end of the file can be recovered from
            return;
        }
        byte[] extra = injected.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, broken, 0, offset);
        System.arraycopy(extra, 0, broken, offset, extra.length);
        System.arraycopy(bytes, offset, broken, offset + extra.length, bytes.length - offset);
        PythonFile damaged = PythonFiles.parse(rel, module, isPackage, broken);
        int injectedAt = at;
        if (damaged.syntaxProblems().isEmpty()) {
            mismatches.add(rel + ":" + at + ": injected " + injected.strip() + " but no syntax problem reported");
        }
        Map<String, Integer> expected = new HashMap<>();
        for (ImportBinding b : full.imports()) {
            int line = b.statementLine() >= at ? b.statementLine() + 1 : b.statementLine();
            expected.merge(line + "|" + b.target() + "|" + b.boundName() + "|" + b.context() + "|" + b.scope(), 1, Integer::sum);
        }
        for (ImportBinding b : damaged.imports()) {
            expected.merge(b.statementLine() + "|" + b.target() + "|" + b.boundName() + "|" + b.context() + "|" + b.scope(), -1, Integer::sum);
        }
        expected.forEach((k, count) -> {
            if (count != 0) {
                mismatches.add(rel + ":" + injectedAt + ": after injecting " + injected.strip() + ", "
                        + (count > 0 ? "lost " : "gained ") + k);
            }
        });
        recoveryChecks.incrementAndGet();
    }

    private static int countLines(byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Definitions and decorators ride along: the same files check headers, qualified names and string decoding. */
    @SuppressWarnings("unchecked")
    private void compareWarningBlocks(String rel, PythonFile file, List<List<Object>> rows) {
        Map<String, Integer> remaining = new HashMap<>();
        for (List<Object> row : rows) {
            remaining.merge(key(row), 1, Integer::sum);
        }
        for (WarningBlock w : file.warningBlocks()) {
            String k = key(List.of(w.firstLine(), w.lastLine(), w.callee(), w.categories()));
            if (remaining.merge(k, -1, Integer::sum) < 0) {
                mismatches.add(rel + ":" + w.firstLine() + ": scanner only warning block  " + k);
            }
        }
        remaining.forEach((k, count) -> {
            for (int i = 0; i < count; i++) {
                mismatches.add(rel + ":" + k.substring(0, k.indexOf('|')) + ": CPython only warning block  " + k);
            }
        });
        warningBlocksCompared.addAndGet(rows.size());
    }

    private void compareDefinitions(String rel, PythonFile file, List<List<Object>> rows) {
        Map<String, Integer> remaining = new HashMap<>();
        for (List<Object> row : rows) {
            List<Object> flat = new ArrayList<>(row.subList(0, 5));
            for (List<Object> d : (List<List<Object>>) row.get(5)) {
                flat.add(d.get(0) + "(" + d.get(1) + ")");
            }
            remaining.merge(key(flat), 1, Integer::sum);
        }
        for (Definition d : file.definitions()) {
            List<Object> flat = new ArrayList<>(List.of(d.nameRegion().startLine(), d.kind().name(), d.qualifiedName(),
                    d.moduleLevel(), d.context().name()));
            for (Decorator dec : d.decorators()) {
                String name = DOTTED.matcher(dec.dottedName()).matches() ? dec.dottedName() : "<expr>";
                flat.add(name + "(" + dec.firstStringArgument() + ")");
            }
            String k = key(flat);
            if (remaining.merge(k, -1, Integer::sum) < 0) {
                mismatches.add(rel + ":" + d.nameRegion().startLine() + ": scanner only definition  " + k);
            }
        }
        remaining.forEach((k, count) -> {
            for (int i = 0; i < count; i++) {
                mismatches.add(rel + ":" + k.substring(0, k.indexOf('|')) + ": CPython only definition  " + k);
            }
        });
        definitionsCompared.addAndGet(rows.size());
    }

    private static String key(List<Object> row) {
        StringBuilder b = new StringBuilder();
        for (Object o : row) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(o == null ? "" : o);
        }
        return b.toString();
    }

    private static Map<String, Object> parse(String line) {
        return line == null ? null : JsonTree.object(JsonTree.parse(line));
    }
}
