package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Fix;
import dev.lintgate.fix.FixLoop;
import dev.lintgate.fix.UnifiedDiff;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --fix} on real files: every fixable rule's fixture cases (as written, and again with CRLF line endings
 * and a UTF-8 BOM on the Python files) are fixed pass by pass; each pass may change only the lines its fixes name,
 * the result compiles with CPython, no fixable finding is left, and the command writes exactly those bytes.
 */
class FixesTest {
    private static final Path RULES = Path.of("testdata", "rules");
    private static final Path INCIDENT = TestTrees.INCIDENT;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    static Run lintgate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @TestFactory
    Stream<DynamicTest> eachFixableRuleFixesItsFixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleDoc doc : RuleCatalog.bundled().all()) {
            if (!doc.fixable().any()) continue;
            List<Path> cases;
            try (Stream<Path> s = Files.list(RULES.resolve(doc.code()))) {
                cases = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().endsWith("-clean")).sorted().toList();
            }
            int[] fixed = {0};
            for (Path c : cases) {
                for (boolean crlf : new boolean[] {false, true}) {
                    String name = doc.code() + "/" + c.getFileName() + (crlf ? " (CRLF, BOM)" : "");
                    tests.add(DynamicTest.dynamicTest(name, () -> fixed[0] += fixCase(doc.code(), c, crlf)));
                }
            }
            tests.add(DynamicTest.dynamicTest(doc.code() + " is fixed somewhere", () ->
                    assertTrue(fixed[0] > 0, doc.code() + " says fixable = \"" + doc.fixable().label() + "\" but no fixture case gets a fix")));
        }
        return tests.stream();
    }

    /** Fixes one case; returns how many fixes were applied. */
    private int fixCase(String code, Path fixture, boolean crlf) throws Exception {
        Path tree = temp.resolve(code + "-" + fixture.getFileName() + (crlf ? "-crlf" : ""));
        Path cliTree = temp.resolve(code + "-" + fixture.getFileName() + (crlf ? "-crlf" : "") + "-cli");
        for (Path t : List.of(tree, cliTree)) {
            TestTrees.copy(fixture, t);
            if (crlf) toCrlfWithBom(t);
        }
        Map<String, byte[]> original = tree(tree);
        List<Rule> rules = AllRules.create().stream().filter(r -> r.code().equals(code)).toList();
        List<Map<String, byte[]>> states = new ArrayList<>();
        List<List<Finding>> found = new ArrayList<>();
        Path root = tree.toAbsolutePath();
        FixLoop.Outcome<Engine.Result> outcome = FixLoop.run(root, edited -> {
            Project p = new ProjectLoader(root, root).load(List.of("."), null, false);
            edited.forEach(p::replaceContent);
            Engine.Result r = new Engine(RuleCatalog.bundled(), 2).run(p, rules);
            states.add(new TreeMap<>(edited));
            found.add(r.findings());
            return r;
        }, Engine.Result::findings, true);
        assertTrue(outcome.settled(), fixture + ": fixes did not settle");

        // each pass changes only the lines its fixes edit, and only the files they name
        for (int pass = 0; pass + 1 < states.size(); pass++) {
            Map<String, Set<Integer>> allowed = new HashMap<>();
            for (Finding f : found.get(pass)) {
                if (f.fix() == null) continue;
                for (Fix.Change c : f.fix().changes()) {
                    for (Edit e : c.edits()) {
                        int last = e.region().endColumn() == 1 && e.region().endLine() > e.region().startLine()
                                ? e.region().endLine() - 1 : e.region().endLine();
                        for (int l = e.region().startLine(); l <= last; l++) allowed.computeIfAbsent(c.path(), k -> new TreeSet<>()).add(l);
                    }
                }
            }
            Map<String, byte[]> from = state(original, states.get(pass));
            Map<String, byte[]> to = state(original, states.get(pass + 1));
            for (String path : to.keySet()) {
                if (Arrays.equals(from.get(path), to.get(path))) continue;
                assertTrue(allowed.containsKey(path), fixture + ": pass " + (pass + 1) + " changed " + path + ", which no fix names");
                for (int line : removedLines(path, from.get(path), to.get(path))) {
                    assertTrue(allowed.get(path).contains(line), fixture + ": pass " + (pass + 1) + " changed " + path + ":" + line
                            + " outside its fixes' lines " + allowed.get(path));
                }
            }
        }

        List<Finding> left = found.get(found.size() - 1);
        for (Finding f : left) {
            if (f.fix() != null) fail(fixture + ": a fixable finding is left: " + f.location() + " " + f.message());
        }
        long fixable = found.get(0).stream().filter(f -> f.fix() != null).count();
        // a fix may take away the cause of a finding that had none (a re-export shim rewritten), never add one
        assertTrue(left.size() <= found.get(0).size() - fixable, fixture + ": every fixable finding goes: " + left);

        Map<String, byte[]> result = state(original, outcome.after());
        for (Map.Entry<String, byte[]> e : outcome.after().entrySet()) {
            byte[] before = original.get(e.getKey());
            byte[] after = e.getValue();
            if (crlf) {
                assertEquals(startsWithBom(before), startsWithBom(after), e.getKey() + ": the BOM is kept");
                String text = new String(after, StandardCharsets.UTF_8);
                assertFalse(text.replace("\r\n", "").contains("\n"), e.getKey() + ": every line ends in CRLF:\n" + text);
            }
            if (e.getKey().endsWith(".py")) compiles(tree, e.getKey(), after);
        }

        // the command writes exactly what the passes computed, and nothing else
        Run run = lintgate("check", cliTree.toString(), "--project-root", cliTree.toString(), "--select", code,
                "--fix", "--unsafe-fixes", "--exit-zero", "--format", "concise");
        assertEquals(0, run.exit(), run.err());
        Map<String, byte[]> written = tree(cliTree);
        assertEquals(result.keySet(), written.keySet());
        for (String path : result.keySet()) assertArrayEquals(result.get(path), written.get(path), path);
        return outcome.fixedCount();
    }

    /** The old-side line numbers a unified diff removes or replaces. */
    private static List<Integer> removedLines(String path, byte[] from, byte[] to) {
        List<Integer> out = new ArrayList<>();
        Pattern hunk = Pattern.compile("@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@");
        int old = 0;
        for (String line : UnifiedDiff.of(path, from, to).split("\n")) {
            Matcher m = hunk.matcher(line);
            if (m.lookingAt()) {
                old = Integer.parseInt(m.group(1));
            } else if (line.startsWith("-") && !line.startsWith("--- ")) {
                out.add(old++);
            } else if (line.startsWith(" ")) {
                old++;
            }
        }
        return out;
    }

    private static void compiles(Path tree, String path, byte[] source) throws IOException, InterruptedException {
        Path file = Files.createTempFile(tree.getParent(), "compile", ".py");
        Files.write(file, source);
        Process p = new ProcessBuilder("python3", "-c",
                "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[2], 'exec')", file.toString(), path)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Files.delete(file);
        assertEquals(0, p.exitValue(), path + " does not compile after the fix:\n" + out + "\n" + new String(source, StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> state(Map<String, byte[]> original, Map<String, byte[]> edited) {
        Map<String, byte[]> out = new TreeMap<>(original);
        out.putAll(edited);
        return out;
    }

    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Every text file gets CRLF line endings; Python files a UTF-8 BOM too (INI and TOML readers do not take one). */
    private static void toCrlfWithBom(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p).replace("\r\n", "\n").replace("\n", "\r\n");
                byte[] body = text.getBytes(StandardCharsets.UTF_8);
                if (p.toString().endsWith(".py")) {
                    byte[] withBom = new byte[body.length + 3];
                    System.arraycopy(BOM, 0, withBom, 0, 3);
                    System.arraycopy(body, 0, withBom, 3, body.length);
                    body = withBom;
                }
                Files.write(p, body);
            }
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && Arrays.equals(b, 0, 3, BOM, 0, 3);
    }

    @Test
    void fixOnTheIncidentLeavesNoFixableFindingAndChangesOnlyTheFixedFiles() throws Exception {
        Path tree = temp.resolve("incident");
        TestTrees.copy(INCIDENT, tree);
        Map<String, byte[]> before = tree(tree);
        Run first = lintgate("check", tree.toString(), "--fix", "--unsafe-fixes", "--format", "concise");
        assertEquals(1, first.exit(), first.err());
        assertTrue(first.out().contains("Applied "), first.out());
        Map<String, byte[]> after = tree(tree);
        assertEquals(before.keySet(), after.keySet(), "no file is created or removed");
        List<String> changed = before.keySet().stream().filter(p -> !Arrays.equals(before.get(p), after.get(p))).toList();
        assertFalse(changed.isEmpty());
        for (String p : changed) if (p.endsWith(".py")) compiles(tree, p, after.get(p));

        Engine.Result again = Lint.run(tree, null);
        List<Finding> fixable = again.findings().stream().filter(f -> f.fix() != null).toList();
        assertEquals(List.of(), fixable.stream().map(f -> f.location() + " " + f.code()).toList());
        Run second = lintgate("check", tree.toString(), "--fix", "--unsafe-fixes", "--format", "concise");
        assertFalse(second.out().contains("Applied "), second.out());
        assertEquals(after.keySet(), tree(tree).keySet());
        Map<String, byte[]> unchanged = tree(tree);
        for (String p : after.keySet()) assertArrayEquals(after.get(p), unchanged.get(p), p);
    }

    @Test
    void diffChangesNothingAndGitApplyOfItEqualsWhatFixWrites() throws Exception {
        Path diffed = temp.resolve("diffed");
        Path fixed = temp.resolve("fixed");
        TestTrees.copy(INCIDENT, diffed);
        TestTrees.copy(INCIDENT, fixed);
        Map<String, byte[]> before = tree(diffed);
        Run diff = lintgate("check", diffed.toString(), "--diff", "--unsafe-fixes");
        assertEquals(1, diff.exit(), diff.err());
        assertTrue(diff.err().contains("Would apply "), diff.err());
        Map<String, byte[]> untouched = tree(diffed);
        for (String p : before.keySet()) assertArrayEquals(before.get(p), untouched.get(p), "--diff changed " + p);

        lintgate("check", fixed.toString(), "--fix", "--unsafe-fixes");
        Path patch = temp.resolve("fixes.patch");
        Files.writeString(patch, diff.out());
        Process p = new ProcessBuilder("git", "apply", "--whitespace=nowarn", patch.toString())
                .directory(diffed.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + "\n" + diff.out());
        Map<String, byte[]> applied = tree(diffed);
        Map<String, byte[]> written = tree(fixed);
        assertEquals(written.keySet(), applied.keySet());
        for (String path : written.keySet()) assertArrayEquals(written.get(path), applied.get(path), path);

        Run none = lintgate("check", fixed.toString(), "--diff", "--unsafe-fixes");
        assertEquals(0, none.exit(), none.err());
        assertEquals("", none.out());
    }

    @Test
    void safeFixesAloneLeaveTheUnsafeOnesAndSayHowManyAreHidden() throws IOException {
        Path tree = temp.resolve("incident");
        TestTrees.copy(INCIDENT, tree);
        Run report = lintgate("check", tree.toString(), "--format", "concise");
        Matcher m = Pattern.compile("\\[\\*] (\\d+) fixable with the `--fix` option \\((\\d+) hidden fixes can be enabled with the `--unsafe-fixes` option\\)\\.")
                .matcher(report.out());
        assertTrue(m.find(), report.out());
        Map<String, byte[]> before = tree(tree);
        lintgate("check", tree.toString(), "--fix");
        Engine.Result after = Lint.run(tree, null);
        assertTrue(after.findings().stream().noneMatch(f -> f.fixable(false)), "every safe fix is applied");
        assertEquals(Integer.parseInt(m.group(2)), after.findings().stream().filter(f -> f.fix() != null).count(),
                "the unsafe fixes are left, as many as the summary said were hidden");
        Map<String, byte[]> now = tree(tree);
        long changed = before.keySet().stream().filter(p -> !Arrays.equals(before.get(p), now.get(p))).count();
        assertTrue(changed > 0);
    }

    @Test
    void aDropInReplacementIsASafeFix() throws IOException {
        Path tree = temp.resolve("incident");
        TestTrees.copy(INCIDENT, tree);
        Path settings = tree.resolve("lintgate.toml");
        Files.writeString(settings, Files.readString(settings).replace("[[deprecated]]\n", "[[deprecated]]\ndrop-in = true\n"));
        long unsafeBefore = Lint.run(tree, "LG101").findings().stream().filter(f -> f.fix() != null).count();
        assertTrue(unsafeBefore > 0);
        assertTrue(Lint.run(tree, "LG101").findings().stream().filter(f -> f.fix() != null).allMatch(f -> f.fixable(false)));
        Run run = lintgate("check", tree.toString(), "--select", "LG101", "--fix", "--format", "concise");
        assertTrue(run.out().contains("Applied " + unsafeBefore + " fixes"), run.out());
        assertTrue(Lint.run(tree, "LG101").findings().stream().noneMatch(f -> f.fix() != null));
    }
}
