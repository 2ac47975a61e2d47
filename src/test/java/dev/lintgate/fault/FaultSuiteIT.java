package dev.lintgate.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.report.JsonTree;
import dev.lintgate.rules.AllRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects a hostile test found (issue 16), each replayed as it was found: as an attacker or an unlucky CI runner
 * would run lintgate, through the packaged jar where only a process has the fault (a locale, a small stack or heap, a
 * umask), in this JVM otherwise. Every run is also held to the invariants ({@link Runs.Run#checked}). Devices are made
 * with mknod inside the temporary directory, never the machine's.
 */
class FaultSuiteIT {
    @TempDir
    Path temp;

    private Path project(String name, Map<String, String> files) throws IOException {
        Path root = Files.createDirectories(temp.resolve(name));
        Files.createDirectories(root.resolve(".git"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    // 1. -o renamed a regular file over whatever was there: as root, -o /dev/null replaced the machine's /dev/null
    @Test
    void reportOntoADeviceAFifoOrALinkNeverReplacesIt() throws Exception {
        Path p = project("p1", Map.of("a.py", "import os\n"));
        Path device = temp.resolve("mynull");
        if (Runs.isRoot()) {
            Runs.sh(temp, "mknod -m 666 mynull c 1 3");
            assertEquals(0, Runs.inProcess("check", p.toString(), "-o", device.toString()).exit());
            assertEquals(0020000, mode(device) & 0170000, "still a character device");
        }
        Runs.sh(temp, "mkfifo pipe");
        Path fifo = temp.resolve("pipe");
        String[] read = new String[1];
        Thread reader = new Thread(() -> {
            try {
                read[0] = Files.readString(fifo);
            } catch (IOException e) {
                read[0] = e.toString();
            }
        });
        reader.start();
        assertEquals(0, Runs.inProcess("check", p.toString(), "-o", fifo.toString(), "--format", "concise").exit());
        reader.join(10_000);
        assertEquals("All checks passed (1 file checked).\n", read[0]);
        assertEquals(0010000, mode(fifo) & 0170000, "still a FIFO");

        Path target = temp.resolve("reports/real.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), Path.of("reports/real.json"));
        assertEquals(0, Runs.inProcess("check", p.toString(), "-o", link.toString(), "--format", "json").exit());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        JsonTree.parse(Files.readString(target));

        Runs.Run dir = Runs.inProcess("check", p.toString(), "-o", temp.toString());
        assertEquals(2, dir.exit());
        assertTrue(dir.err().contains("it is a directory"), dir.err());
    }

    // 2. one café.py under the C locale was a 31-line trace and exit 1; a name that is not UTF-8 is checked too
    @Test
    void fileNamesAreTheSameUnderEveryLocale() throws Exception {
        Path p = project("p2", Map.of("café.py", "x = undefined\n", "plain.py", "import os\n"));
        Runs.sh(p, "printf 'y = nope\\n' > \"$(printf 'caf\\351.py')\"; mkdir \"$(printf 'd\\351')\"; printf 'z = gone\\n' > \"$(printf 'd\\351')/m.py\"");
        Map<String, String> utf8 = new HashMap<>(Runs.bareEnvironment());
        utf8.put("LANG", "C.UTF-8");
        for (String format : List.of("concise", "json", "github")) {
            Runs.Run c = Runs.process(List.of(), Runs.bareEnvironment(), null, p, "check", ".", "--format", format);
            Runs.Run u = Runs.process(List.of(), utf8, null, p, "check", ".", "--format", format);
            assertEquals(1, c.exit(), c.err());
            assertEquals(u.out(), c.out(), "the same bytes under LANG=C and LANG=C.UTF-8");
        }
        String concise = Runs.process(List.of(), Runs.bareEnvironment(), null, p, "check", ".", "--format", "concise").out();
        assertTrue(concise.contains("café.py:1:5: LG107 `undefined`"), concise);
        assertTrue(concise.contains("caf\\xe9.py:1:5: LG107 `nope`"), concise);
        assertTrue(concise.contains("d\\xe9/m.py:1:5: LG107 `gone`"), concise);
        assertTrue(concise.endsWith("(4 files checked).\n"), concise);
    }

    // 3. java.lang.Error escaped the handler: a stack overflow in a deep tree, out of memory, /dev/zero read to the end
    @Test
    void errorsOfLintgateItselfAreExitTwoWithOneLine() throws Exception {
        Path deep = temp.resolve("p3-deep");
        Path leaf = deep;
        for (int i = 0; i < 1000; i++) leaf = leaf.resolve("d");
        Files.createDirectories(leaf);
        Files.writeString(leaf.resolve("a.py"), "import os\n");
        Files.createDirectories(deep.resolve(".git"));
        // a small stack, as the recursive walk overflowed at 1,000 levels in 3 runs of 6
        Runs.Run walked = Runs.process(List.of("-Xss256k"), Runs.bareEnvironment(), null, deep, "check", ".", "--format", "concise");
        assertEquals("All checks passed (1 file checked).\n", walked.out(), walked.err());

        // a 24 MB module on a 32 MB heap: its text alone does not fit, so the run fails at once rather than after a
        // long fight of the collector
        Path big = project("p3-big", Map.of("big.py", "x = 1\n".repeat(4_000_000)));
        Runs.Run oom = Runs.process(List.of("-XX:+UseSerialGC", "-Xmx32m"), Runs.bareEnvironment(), null, big, "check", ".");
        assertEquals(2, oom.exit());
        assertTrue(oom.err().startsWith("lintgate: error: out of memory"), oom.err());

        Path zero = project("p3-zero", Map.of("a.py", "import os\n"));
        Files.createSymbolicLink(zero.resolve("zero.py"), Path.of("/dev/zero"));
        Runs.Run refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("check", zero.toString(), zero.resolve("zero.py").toString()));
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("zero.py: not a regular file or directory (a character device)"), refused.err());
    }

    // 4. a [tool.lintgate] table in a pyproject.toml with one latin-1 byte was dropped: "All checks passed"
    @Test
    void undecodableSettingsStopTheRun() throws Exception {
        Path p = project("p4", Map.of("a.py", "from collections import OrderedDict\n"));
        Files.write(p.resolve("pyproject.toml"), ("# caf\u00e9\n[tool.lintgate]\nselect = [\"LG101\"]\n[[tool.lintgate.deprecated]]\n"
                + "name = \"collections.OrderedDict\"\n").getBytes(StandardCharsets.ISO_8859_1));
        Runs.Run r = run("check", p.toString(), "--select", "LG101");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("pyproject.toml:1: not valid UTF-8 (byte 0xe9)"), r.err());
    }

    // 5. files lintgate could not read never failed the run and were counted as checked
    @Test
    void filesThatCannotBeReadFailTheRunAndAreNotCountedAsChecked() throws Exception {
        Path p = project("p5", Map.of("a.py", "import os\n", "gone.py", "import sys\n", "sub/b.py", "x = 1\n"));
        Project loaded = new ProjectLoader(p, p).load(List.of("."), null, false);
        // vanished between the walk and the read, as 18,088 files of 20,000 did in the hostile run
        Files.delete(p.resolve("gone.py"));
        Engine.Result result = new Engine(RuleCatalog.bundled(), 2).run(loaded, AllRules.create());
        List<String> lg002 = result.findings().stream().filter(f -> f.code().equals("LG003")).map(Finding::toString).toList();
        assertEquals(1, lg002.size(), result.findings().toString());
        assertTrue(lg002.get(0).contains("gone.py") && lg002.get(0).contains("no such file or directory"), lg002.get(0));
        assertEquals(2, result.filesChecked());
        assertFalse(result.complete());

        // and over max-file-size, for everyone, root or not
        Files.writeString(p.resolve("lintgate.toml"), "max-file-size = 8\n");
        Runs.Run large = run("check", p.toString(), "--format", "concise");
        assertEquals(1, large.exit());
        assertTrue(large.out().contains("a.py:1:1: LG003 Not read: it holds 10 bytes, more than max-file-size (8)"), large.out());

        // permissions: as a user they bind (root reads everything), so as nobody when the suite runs as root
        Path locked = project("p5-locked", Map.of("ok.py", "x = 1\n", "secret.py", "y = 2\n", "sub/b.py", "z = 3\n"));
        Files.setPosixFilePermissions(locked.resolve("secret.py"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(locked.resolve("sub"), PosixFilePermissions.fromString("---------"));
        Runs.Run asUser = asUnprivileged(locked);
        if (asUser != null) {
            assertEquals(1, asUser.exit(), asUser.out() + asUser.err());
            assertTrue(asUser.out().contains("secret.py:1:1: LG003 Cannot read the file: permission denied"), asUser.out());
            assertTrue(asUser.out().contains("sub:1:1: LG003 Cannot list the directory: permission denied"), asUser.out());
            assertTrue(asUser.out().endsWith("(1 file checked).\n"), asUser.out());
            // with LG003 off the run passes, but says it did not complete
            Runs.Run ignored = asUnprivileged(locked, "--ignore", "LG003");
            assertEquals(0, ignored.exit());
            assertTrue(ignored.out().contains("secret.py:1: warning: cannot read the file: permission denied; it was not checked"), ignored.out());
            assertTrue(ignored.out().endsWith("No problems found, but the check did not complete (1 file checked).\n"), ignored.out());
        }
    }

    /** The jar as an unprivileged user (setpriv to nobody when the suite runs as root); null when that is impossible. */
    private Runs.Run asUnprivileged(Path project, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", ".", "--format", "concise"));
        args.addAll(List.of(extra));
        if (!Runs.isRoot()) return Runs.process(List.of(), Runs.bareEnvironment(), null, project, args.toArray(String[]::new));
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            System.out.println("FaultSuiteIT: permissions not replayed: running as root without setpriv");
            return null;
        }
        // nobody must reach the jar and the tree: a copy of the jar in the temporary directory, both world-readable
        for (Path d = project; d != null && d.startsWith(temp.getParent()); d = d.getParent()) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path jar = temp.resolve("lintgate.jar");
        if (!Files.exists(jar)) Files.copy(Runs.JAR, jar);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        StringBuilder cmd = new StringBuilder("cd '" + project + "' && exec setpriv --reuid=65534 --regid=65534 --clear-groups '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + jar + "'");
        for (String a : args) cmd.append(" '").append(a).append('\'');
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd.toString());
        pb.environment().clear();
        pb.environment().putAll(Runs.bareEnvironment());
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^WARNING: .*\\R?", "");
        proc.waitFor();
        return new Runs.Run(proc.exitValue(), out, err).checked();
    }

    // 6. one bracket expression in a vendored .gitignore stopped the whole run with a PatternSyntaxException
    @Test
    void bracketPatternsNeverStopTheRun() throws Exception {
        Path p = project("p6", Map.of(".gitignore", "[!]\n[z-a]\n[[:alpha:]]\n[[:digit:]]*.py\n[[:nope:]]\n[\n",
                "1gen.py", "x = undefined\n", "app.py", "import os\n", "b", ""));
        Runs.Run all = run("check", p.toString(), "--format", "concise");
        assertEquals("All checks passed (1 file checked).\n", all.out());
    }

    // 8. pytest reads pyproject.toml with tomllib, TOML 1.0 up to Python 3.14: a TOML 1.1 inline table aborts it
    @Test
    void toml11ThatPytestRejectsIsReported() throws Exception {
        Path p = project("p8", Map.of("pyproject.toml", "[tool.pytest.ini_options]\nmarkers = [\"slow\"]\nfilterwarnings = {\n  error = true,\n}\n",
                "test_a.py", "def test_a():\n    pass\n"));
        Runs.Run r = run("check", p.toString(), "--format", "concise", "--select", "LG206");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("pyproject.toml:3:19: LG206") && r.out().contains("tomllib reads TOML 1.0 up to Python 3.14"), r.out());
    }

    // 9. -o X --sarif-output ./X silently lost one report; -o leaves the old report or a complete new one
    @Test
    void oneFileForTwoReportsIsRefusedAndAReportIsWholeOrOld() throws Exception {
        Path p = project("p9", Map.of("a.py", "import os\n"));
        Path report = temp.resolve("X");
        Runs.Run twice = run("check", p.toString(), "-o", report.toString(), "--sarif-output", temp.resolve("./sub/../X").toString());
        assertEquals(2, twice.exit());
        assertFalse(Files.exists(report));

        Files.writeString(report, "old report");
        Files.writeString(p.resolve("lintgate.toml"), "selct = []\n");
        assertEquals(2, run("check", p.toString(), "-o", report.toString()).exit());
        assertEquals("old report", Files.readString(report), "a failed run leaves the old report");
        Files.delete(p.resolve("lintgate.toml"));
        assertEquals(0, run("check", p.toString(), "-o", report.toString(), "--format", "json").exit());
        JsonTree.parse(Files.readString(report));
        try (var left = Files.list(temp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    // 10. reports were 0600 whatever the umask, and an existing 0644 report became 0600
    @Test
    void reportsGetTheUmasksModeOrKeepTheirOwn() throws Exception {
        Path p = project("p10", Map.of("a.py", "import os\n"));
        Path fresh = temp.resolve("fresh.txt");
        Runs.process(List.of(), Runs.bareEnvironment(), "umask 027;", p, "check", ".", "-o", fresh.toString());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path kept = temp.resolve("kept.txt");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r--r--"));
        Runs.process(List.of(), Runs.bareEnvironment(), "umask 077;", p, "check", ".", "-o", kept.toString());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    // 11. a FIFO named on the command line hung forever
    @Test
    void aNamedFifoIsRefusedAtOnce() throws Exception {
        Path p = project("p11", Map.of("a.py", "import os\n"));
        Runs.sh(p, "mkfifo p.py");
        Runs.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("check", p.toString(), p.resolve("p.py").toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("p.py: not a regular file or directory (a FIFO)"), r.err());
        // a walked FIFO is skipped, as before
        assertEquals(0, run("check", p.toString()).exit());
    }

    // 12. config errors without file:line, and lenient types
    @Test
    void settingsErrorsNameTheirFileAndLine() throws Exception {
        Map<String, String> cases = Map.of(
                "select = [\"LG000\"]\n", "lintgate.toml:1: unknown rule code or prefix 'LG000' in 'select'",
                "\nselect = \"LG101,LG2\"\n", "lintgate.toml:2: 'select' must be an array of strings",
                "exclude = \"build\"\n", "lintgate.toml:1: 'exclude' must be an array of strings");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path p = project("p12-" + n++, Map.of("lintgate.toml", c.getKey(), "a.py", "import os\n"));
            Runs.Run r = run("check", p.toString());
            assertEquals(2, r.exit());
            assertTrue(r.err().contains(c.getValue()), r.err());
        }
        Path tool = project("p12-tool", Map.of("pyproject.toml", "[project]\nname = \"x\"\n[tool]\nlintgate = 5\n", "a.py", "import os\n"));
        assertTrue(run("check", tool.toString()).err().contains("pyproject.toml:4: 'tool.lintgate' must be a table"));
        for (String threads : List.of("0", "-1")) {
            Runs.Run r = run("check", tool.toString(), "--threads", threads);
            assertEquals(2, r.exit());
            assertTrue(r.err().contains("--threads must be 1 or more"), r.err());
        }
    }

    // 13. C1 controls passed raw to terminals; github output passed ESC and BEL
    @Test
    void controlCharactersFromFilesNeverReachTheTerminal() throws Exception {
        Path p = project("p13", Map.of("a\u001b[31m\u009b\u0085\u0007b.py", "import collections\nx = undefined_name\n"));
        for (String format : List.of("text", "concise", "github")) {
            Runs.Run r = run("check", p.toString(), "--format", format);
            assertEquals(1, r.exit());
            assertFalse(r.out().chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)),
                    format + " output holds a raw control character: " + r.out());
        }
        Path ini = project("p13-ini", Map.of("pytest.ini", "[pytest]\nmarkers =\n    a\u001b[2J\u009b: x\u0007\naddopts = -v\u0085\n"));
        Runs.Run config = run("pytest-config", "--cwd", ini.toString());
        assertEquals(0, config.exit(), config.err());
        assertTrue(config.out().contains("a␛[2J<U+009B>"), config.out());
        assertFalse(config.out().chars().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)), config.out());
    }

    // 14. exit 2 without its one line: pytest-config on a binary pytest.ini said nothing on stderr; usage errors two lines
    @Test
    void everyExitTwoHasItsLine() throws Exception {
        Path p = project("p14", Map.of());
        Files.write(p.resolve("pytest.ini"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n', (byte) 0x9b});
        Runs.Run r = run("pytest-config", "--cwd", p.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().matches("(?s)lintgate: error: pytest [0-9.]+ would stop before collecting: \\S*pytest\\.ini:1: .*"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(2, run("check", "--bogus").exit());
        assertEquals(2, run("check", "--format", "yaml").exit());
        assertEquals(2, run("explain", "LG999").exit());
        assertEquals(2, run().exit());
    }

    /** Property: the same bytes for one thread or several, on every hostile tree of this suite at once. */
    @Test
    void outputIsTheSameForOneThreadOrMany() throws Exception {
        Path p = project("p-threads", Map.of(".gitignore", "[!]\n[[:digit:]]*.py\n", "café.py", "x = undefined\n",
                "a\u001bb.py", "import collections\ny = nope\n", "pytest.ini", "[pytest]\nmarkers =\n    slow: slow\n",
                "pyproject.toml", "[tool.pytest.ini_options]\nx = {\n}\n", "tests/test_a.py", "import pytest\n@pytest.mark.fast\ndef test_a(): pass\n",
                "lintgate.toml", "max-file-size = 200\n", "big.py", "# " + "x".repeat(300) + "\n"));
        for (String format : List.of("text", "json", "sarif", "github")) {
            Runs.Run one = run("check", p.toString(), "--format", format, "--threads", "1");
            Runs.Run many = run("check", p.toString(), "--format", format, "--threads", "4");
            assertEquals(1, one.exit(), one.out() + one.err());
            assertEquals(one.out(), many.out(), format);
        }
    }

    private static Runs.Run run(String... args) {
        return Runs.inProcess(args);
    }
}
