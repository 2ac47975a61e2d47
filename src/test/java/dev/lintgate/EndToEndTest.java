package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.report.JsonTree;
import dev.lintgate.report.SarifValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident replayed through the real command line (in-process, through {@link Main#run}): every output format
 * reports exactly the findings annotated in {@code testdata/projects/incident}, and the fixed copy reports none.
 */
class EndToEndTest {
    static final Path INCIDENT = TestTrees.INCIDENT;
    static final Path FIXED = Path.of("testdata", "projects", "incident-fixed");

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

    /** "path:line:code" keys of every expectation in the tree. */
    static TreeSet<String> expected(Path root) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        for (Expectation e : Expectation.readAll(root)) keys.add(e.path() + ":" + e.line() + ":" + e.code());
        return keys;
    }

    @Test
    void jsonReportsExactlyTheAnnotatedFindings() throws IOException {
        Run run = lintgate("check", INCIDENT.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.err());
        Object json = JsonTree.parse(run.out());
        TreeSet<String> actual = new TreeSet<>();
        List<Object> findings = JsonTree.array(JsonTree.at(json, "findings"));
        for (Object f : findings) {
            Map<String, Object> m = JsonTree.object(f);
            actual.add(m.get("path") + ":" + m.get("line") + ":" + m.get("code"));
        }
        assertEquals(expected(INCIDENT), actual);
        assertEquals(findings.size(), actual.size(), "no finding is reported twice");
        // every expectation with a message text is honoured too
        for (Expectation e : Expectation.readAll(INCIDENT)) {
            if (e.messagePart() == null) continue;
            boolean hit = findings.stream().map(JsonTree::object).anyMatch(m -> m.get("path").equals(e.path())
                    && ((Number) m.get("line")).intValue() == e.line() && ((String) m.get("message")).contains(e.messagePart()));
            assertTrue(hit, "no finding with message containing \"" + e.messagePart() + "\" at " + e);
        }
    }

    @Test
    void textShowsEveryFindingWithFrameAndSummary() throws IOException {
        Run run = lintgate("check", INCIDENT.toString(), "--color", "never");
        assertEquals(1, run.exit());
        for (String key : expected(INCIDENT)) {
            String[] p = key.split(":");
            assertTrue(run.out().contains(p[0] + ":" + p[1] + ":"), "text output lacks " + key + "\n" + run.out());
        }
        assertTrue(run.out().contains("^"), "code frames with carets");
        assertTrue(run.out().contains("netra_backend/app/agents/broken_agent.py:"), "the unparseable file is named");
        // the summary, then what --fix could do
        List<String> last = run.out().strip().lines().toList();
        assertTrue(last.get(last.size() - 2).startsWith("Found "), run.out());
        assertTrue(last.get(last.size() - 1).startsWith("[*] 3 fixable with the `--fix` option"), run.out());
        assertFalse(run.out().contains("\u001b["), "no colour when --color never");
    }

    @Test
    void sarifIsValidAndHoldsEveryFinding() throws IOException {
        Path sarif = temp.resolve("out/lintgate.sarif");
        Run run = lintgate("check", INCIDENT.toString(), "--format", "github", "--sarif-output", sarif.toString());
        assertEquals(1, run.exit(), run.err());
        String log = Files.readString(sarif);
        SarifValidation.assertValid(log);
        Object json = JsonTree.parse(log);
        List<Object> results = JsonTree.array(JsonTree.at(json, "runs", 0, "results"));
        assertEquals(expected(INCIDENT).size(), results.size());
        // URIs from the repository root (this checkout), the checkout's own location only as the source root
        String top = dev.lintgate.project.Repository.containing(INCIDENT).map(r -> r.relative(INCIDENT.toAbsolutePath()) + "/").orElse("");
        for (Object r : results) {
            String uri = (String) JsonTree.at(r, "locations", 0, "physicalLocation", "artifactLocation", "uri");
            assertTrue(uri.startsWith(top) && !uri.startsWith("/"), uri);
        }
        assertEquals(1, java.util.regex.Pattern.compile("\"uri\"\\s*:\\s*\"file:").matcher(log).results().count(), "one absolute URI: the source root");
        long annotations = run.out().lines().filter(l -> l.startsWith("::error ") || l.startsWith("::warning ") || l.startsWith("::notice file")).count();
        assertEquals(Math.min(10, results.size()), Math.min(10, annotations));
        assertTrue(run.out().contains("title=LG101 deprecated-runtime-import::"), run.out());
    }

    @Test
    void sameBytesForOneThreadOrEight() {
        String one = lintgate("check", INCIDENT.toString(), "--format", "sarif", "--threads", "1").out();
        String eight = lintgate("check", INCIDENT.toString(), "--format", "sarif", "--threads", "8").out();
        assertEquals(one, eight);
    }

    @Test
    void exitCodes() {
        assertEquals(0, lintgate("check", INCIDENT.toString(), "--exit-zero", "-q").exit());
        assertEquals(0, lintgate("check", FIXED.toString()).exit(), lintgate("check", FIXED.toString()).out());
        assertEquals(0, lintgate("check", INCIDENT.toString(), "--ignore", "LG0,LG1,LG2").exit());
        assertEquals(2, lintgate("check", "does/not/exist").exit());
        assertEquals(2, lintgate("check", INCIDENT.toString(), "--select", "LG999").exit());
        assertEquals(2, lintgate("check", INCIDENT.toString(), "--format", "xml").exit());
        assertEquals(2, lintgate("--no-such-flag").exit());
    }

    @Test
    void fixedCopyIsClean() {
        Run run = lintgate("check", FIXED.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.out());
        assertEquals(List.of(), JsonTree.array(JsonTree.at(JsonTree.parse(run.out()), "findings")));
    }

    @Test
    void badConfigIsOneLineNamingFileAndLine() throws IOException {
        Files.writeString(temp.resolve("lintgate.toml"), "select = [\"LG1\"]\n[[deprecated]]\nnme = \"a.b\"\n");
        Files.writeString(temp.resolve("x.py"), "import a\n");
        Run run = lintgate("check", temp.toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("lintgate.toml:2: unknown key 'nme' in [[deprecated]]"), run.err());
        assertFalse(run.err().contains("at dev.lintgate"), "no stack trace");
    }

    @Test
    void explicitFilesAreCheckedWithTheWholeProjectModel() {
        // pre-commit passes file names: the shim is not named, yet the re-export through it is still found
        Path supervisor = INCIDENT.resolve("netra_backend/app/agents/supervisor_agent.py");
        Run run = lintgate("check", supervisor.toString(), "--format", "concise", "--color", "never");
        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = new ArrayList<>(run.out().lines().filter(l -> l.contains(": LG")).toList());
        assertEquals(1, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("netra_backend/app/agents/supervisor_agent.py:2:"), lines.get(0));
    }

    @Test
    void aFileCheckedBeforeAndAfterTheDeprecationSurveyTellsItsSyntaxErrorOnce() throws IOException {
        // LG107 looks at x.py in the engine's pass (and skips it: broken), LG101 after the survey of that pass
        Files.writeString(temp.resolve("x.py"), "from old import Thing\nx = 'unterminated\nprint(undefined_name)\n");
        Run run = checkTempWith("select = [\"LG101\", \"LG107\"]\n[[deprecated]]\nname = \"old.Thing\"\n");
        assertEquals(1, run.exit(), run.out() + run.err());
        String all = run.out() + run.err();
        assertTrue(all.contains("x.py:1:17: LG101"), all);
        assertEquals(1, all.lines().filter(l -> l.contains("syntax error")).count(), all);
    }

    @Test
    void stubsAreLeftToTheRulesThatReadThem() throws IOException {
        // a stub never runs: the name and import rules do not even scan one, so its broken line goes unnoticed by
        // them, while LG001 still reports it; the same text in a module that runs is a syntax error either way
        Files.writeString(temp.resolve("api.pyi"), "def f(x: Undefined) -> None: ...\nx = 'unterminated\n");
        Run names = checkTempWith("select = [\"LG102\", \"LG106\", \"LG107\", \"LG108\"]\n");
        assertEquals(0, names.exit(), names.out() + names.err());
        assertFalse((names.out() + names.err()).contains("syntax error"), names.out() + names.err());
        Run syntax = checkTempWith("select = [\"LG001\", \"LG107\"]\n");
        assertTrue(syntax.out().contains("api.pyi:2:5: LG001"), syntax.out() + syntax.err());
        Files.move(temp.resolve("api.pyi"), temp.resolve("api.py"));
        Run module = checkTempWith("select = [\"LG107\"]\n");
        assertTrue((module.out() + module.err()).contains("api.py:2: warning: syntax error"), module.out() + module.err());
    }

    @Test
    void namesAFileNotNamedPutsIntoBuiltinsStillCount() throws IOException {
        // pre-commit names use.py only: shell.py is not checked, yet what it writes into builtins is defined
        Files.writeString(temp.resolve("shell.py"), "import builtins as b\nb.__dict__['display'] = print\n");
        Files.writeString(temp.resolve("use.py"), "display(1)\nshow(2)\n");
        Files.writeString(temp.resolve("lintgate.toml"), "select = [\"LG107\"]\n");
        Run run = lintgate("check", temp.resolve("use.py").toString(), "--format", "concise", "--color", "never");
        List<String> lines = run.out().lines().filter(l -> l.contains(": LG")).toList();
        assertEquals(List.of("use.py:2:1: LG107 `show` is not defined: NameError at import time."), lines, run.out() + run.err());
    }

    /** {@code lintgate check} on the temporary project, with these settings as its lintgate.toml. */
    private Run checkTempWith(String settings) throws IOException {
        Files.writeString(temp.resolve("lintgate.toml"), settings);
        return lintgate("check", temp.toString(), "--format", "concise", "--color", "never");
    }
}
