package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.TestTrees;
import dev.lintgate.ecosystem.EcosystemCheck;
import dev.lintgate.fault.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident server ({@code lintgate server}) prints what a run of its own prints: the packaged jar runs the same
 * command lines, from different working directories and environments, once in its own process
 * ({@code LINTGATE_NO_SERVER=1}) and once answered by a running server (whose own working directory is {@code /}, so
 * that a path taken from the wrong directory fails), and standard output, standard error, the exit code and the files
 * a run writes must be the same. The server's run count shows which runs it answered.
 */
class ServerIT {
    @TempDir
    Path temp;
    private Map<String, String> env;
    private Path incident;

    @BeforeEach
    void setUp() throws IOException {
        Path runtime = Files.createDirectory(temp.resolve("runtime"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        env = new HashMap<>(Runs.bareEnvironment());
        env.put("HOME", temp.toString());
        env.put("LANG", "C.UTF-8");
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("LINTGATE_CACHE_DIR", temp.resolve("cache").toString());
        incident = TestTrees.copyIncident(temp.resolve("incident"));
    }

    @AfterEach
    void stopServer() throws Exception {
        Runs.process(List.of(), env, null, temp, "server", "stop");
    }

    @Test
    void runsAnsweredByTheServerPrintWhatRunsOfTheirOwnPrint() throws Exception {
        assertEquals(1, server("status").exit(), "no server before the test");
        Runs.Run started = server("start", "--idle-timeout", "5");
        assertEquals(0, started.exit(), started.err());
        assertTrue(started.out().startsWith("lintgate server: started, pid "), started.out());

        Path sub = incident.resolve("services");
        if (!Files.isDirectory(sub)) sub = Files.createDirectory(incident.resolve("sub"));
        String oneFile;
        try (Stream<Path> s = Files.walk(incident)) {
            oneFile = s.filter(p -> p.toString().endsWith(".py")).map(p -> temp.relativize(p).toString()).sorted().findFirst().orElseThrow();
        }
        Path summary = temp.resolve("summary.md");
        List<Case> cases = new ArrayList<>(List.of(
                new Case(incident, Map.of(), "check"),
                new Case(incident, Map.of(), "check", ".", "--format", "json"),
                new Case(sub, Map.of(), "check", "..", "--format=concise"),
                new Case(temp, Map.of(), "check", "incident", "--format", "sarif"),
                new Case(temp, Map.of(), "check", "--project-root", "incident", oneFile),
                new Case(incident, Map.of(), "check", "--statistics"),
                new Case(incident, Map.of(), "check", "--select", "LG2", "--color", "always"),
                new Case(incident, Map.of("FORCE_COLOR", "1"), "check", "--select=LG1", "-q"),
                new Case(incident, Map.of("LINTGATE_OUTPUT_FORMAT", "json-lines"), "check", "--exit-zero"),
                new Case(temp, Map.of("GITHUB_STEP_SUMMARY", "summary.md"), "check", "incident", "--format", "github"),
                new Case(incident, Map.of(), "check", "--cache-dir", "../other-cache", "--no-cache"),
                new Case(incident, Map.of(), "check", "no-such-file.py"),
                new Case(incident, Map.of(), "check", "--format", "bogus"),
                new Case(incident, Map.of(), "check", "--config", "missing.toml"),
                new Case(TestTrees.INCIDENT.getParent().getParent().resolve("rules").toAbsolutePath(), Map.of(),
                        "check", ".", "--select", "ALL", "--format", "concise", "--exit-zero")));
        if (Files.isRegularFile(incident.resolve("pyproject.toml"))) {
            cases.add(new Case(sub, Map.of(), "check", "..", "--config", "../pyproject.toml", "--format", "json"));
        }
        int answered = runs();
        for (Case c : cases) {
            Files.deleteIfExists(summary);
            Runs.Run own = c.run(env, true);
            String ownSummary = Files.exists(summary) ? Files.readString(summary) : null;
            Files.deleteIfExists(summary);
            Runs.Run served = c.run(env, false);
            String servedSummary = Files.exists(summary) ? Files.readString(summary) : null;
            assertEquals(own, served, "served differently: " + c);
            assertEquals(ownSummary, servedSummary, "step summary written differently: " + c);
            assertEquals(++answered, runs(), "the server answered " + c);
        }

        // the corpus: every tree checked through the server as in a run of its own
        Optional<Path> corpus = EcosystemCheck.corpus(Path.of(""));
        if (corpus.isPresent()) {
            try (Stream<Path> trees = Files.list(corpus.get())) {
                for (Path tree : trees.filter(Files::isDirectory).sorted().toList()) {
                    Case c = new Case(tree, Map.of(), "check", ".", "--format", "json", "--no-cache", "--exit-zero");
                    assertEquals(c.run(env, true), c.run(env, false), "served differently: " + c);
                    assertEquals(++answered, runs(), "the server answered " + c);
                }
            }
        } else {
            System.out.println("ServerIT: no ../shared/ecosystem here: the corpus trees were not checked through the server");
        }

        // what writes files, reads standard input or runs git stays in the client's own process
        Path fixed = TestTrees.copyIncident(temp.resolve("fixed"));
        Runs.Run fix = new Case(fixed, Map.of(), "check", "--fix", "--exit-zero").run(env, false);
        assertEquals(0, fix.exit(), fix.err());
        new Case(incident, Map.of(), "check", "-o", "report.txt", "--exit-zero").run(env, false);
        assertTrue(Files.exists(incident.resolve("report.txt")));
        new Case(incident, Map.of(), "check", "-qo", "report2.txt", "--exit-zero").run(env, false);
        assertEquals(answered, runs(), "runs that write files were not sent to the server");

        Runs.Run stopped = server("stop");
        assertEquals("lintgate server: stopped\n", stopped.out());
        assertEquals(1, server("status").exit());
        Case after = new Case(incident, Map.of(), "check", "--format", "json");
        assertEquals(after.run(env, true), after.run(env, false), "without a server, the run is its own");
    }

    @Test
    void aServerThatDiedLeavesRunsToTheirOwnProcessAndIsReplacedByTheNextStart() throws Exception {
        assertEquals(0, server("start").exit());
        long pid = Long.parseLong(find(Pattern.compile("pid (\\d+)"), server("status").out()));
        ProcessHandle killed = ProcessHandle.of(pid).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get();
        try (Stream<Path> s = Files.list(Path.of(env.get("XDG_RUNTIME_DIR"), "lintgate"))) {
            assertTrue(s.anyMatch(p -> p.toString().endsWith(".sock")), "the killed server left its socket");
        }
        Case c = new Case(incident, Map.of(), "check", "--format", "concise");
        assertEquals(c.run(env, true), c.run(env, false), "a socket nobody answers at: the run is its own");
        assertEquals(1, server("status").exit());
        Runs.Run again = server("start");
        assertEquals(0, again.exit(), again.err());
        assertEquals(c.run(env, true), c.run(env, false));
        assertEquals(1, runs());
    }

    /**
     * A server hands out its last walk of a tree again only while the kernel reports no change in it: after each
     * kind of change the served run prints what a run of its own prints (a stale walk would replay the result kept
     * before the change), and between changes the walk is reused (the status counts it), except while the tree holds
     * a symbolic link.
     */
    @Test
    void aServerReusesAWalkOnlyWhileTheTreeIsUnchanged() throws Exception {
        assertEquals(0, server("start").exit());
        Case c = new Case(incident, Map.of(), "check", "--format", "concise", "--exit-zero");
        Path tests = incident.resolve("netra_backend/tests");
        String marked = "\nimport pytest\n\n\n@pytest.mark.lintgate_watch\ndef test_watch():\n    pass\n";
        Path fresh = incident.resolve("fresh/tests");
        Path link = incident.resolve("linked");
        List<Map.Entry<String, Change>> changes = List.of(
                Map.entry("nothing", () -> { }),
                Map.entry("a module written", () -> Files.writeString(tests.resolve("test_golden_path.py"), marked,
                        java.nio.file.StandardOpenOption.APPEND)),
                Map.entry("a module's time set back", () -> Files.setLastModifiedTime(tests.resolve("test_golden_path.py"),
                        java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L))),
                Map.entry("a module's mode changed", () -> Files.setPosixFilePermissions(tests.resolve("test_golden_path.py"),
                        PosixFilePermissions.fromString("rw-------"))),
                Map.entry("a new directory with a module", () -> {
                    Files.createDirectories(fresh);
                    Files.writeString(fresh.resolve("test_fresh.py"), marked);
                }),
                Map.entry("the directory renamed", () -> Files.move(fresh.getParent(), incident.resolve("moved"))),
                Map.entry("a module ignored by a new .gitignore", () -> Files.writeString(incident.resolve("moved/.gitignore"), "tests/\n")),
                Map.entry("the .gitignore emptied", () -> Files.writeString(incident.resolve("moved/.gitignore"), "")),
                Map.entry("a symbolic link to a directory", () -> Files.createSymbolicLink(link, incident.resolve("moved"))),
                Map.entry("the link removed", () -> Files.delete(link)),
                Map.entry("the marker registered in pytest.ini", () -> Files.writeString(incident.resolve("pytest.ini"),
                        Files.readString(incident.resolve("pytest.ini")).replace("[pytest]\n", "[pytest]\nmarkers =\n    lintgate_watch: a test\n"))),
                // a watch follows the directory, not its path: the new directory at the old path must be watched anew
                Map.entry("the directory moved away and another made at its path", () -> {
                    Files.move(incident.resolve("moved"), incident.resolve("gone"));
                    Files.createDirectories(incident.resolve("moved/tests"));
                    Files.writeString(incident.resolve("moved/tests/test_fresh.py"), marked.replace("lintgate_watch", "lintgate_again"));
                }),
                Map.entry("a module added to the new directory", () -> Files.writeString(incident.resolve("moved/tests/test_more.py"),
                        marked.replace("lintgate_watch", "lintgate_more"))),
                Map.entry("the directories deleted", () -> {
                    for (String dir : List.of("moved", "gone")) {
                        try (Stream<Path> s = Files.walk(incident.resolve(dir))) {
                            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                        }
                    }
                }));
        // the runs of their own keep their results apart: the served runs' cache sees only what the server's walks say
        Map<String, String> ownEnv = new HashMap<>(env);
        ownEnv.put("LINTGATE_CACHE_DIR", temp.resolve("own-cache").toString());
        for (Map.Entry<String, Change> change : changes) {
            change.getValue().apply();
            int before = reusedWalks();
            for (int run = 0; run < 3; run++) {
                assertEquals(c.run(ownEnv, true), c.run(env, false), "after " + change.getKey() + ", run " + run);
            }
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                assertEquals(before, reusedWalks(), "a tree with a symbolic link is walked every time");
            } else {
                assertTrue(reusedWalks() > before, "the walk was reused after " + change.getKey());
            }
        }
    }

    /** A client that sends a run and never reads its answer holds up no other client. */
    @Test
    void aClientThatDoesNotReadHoldsUpNoOther() throws Exception {
        assertEquals(0, server("start").exit());
        Path jar = Path.of("target", "lintgate.jar").toRealPath();
        String build = jar + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n"
                + Path.of(System.getProperty("java.home")).toRealPath() + "\nUTF-8 UTF-8";
        Path socket = Path.of(env.get("XDG_RUNTIME_DIR"), "lintgate", ServerProtocol.buildId(build) + ".sock");
        assertTrue(Files.exists(socket), "the test computes the server's socket: " + socket);
        Path rules = TestTrees.INCIDENT.getParent().getParent().resolve("rules").toAbsolutePath();
        try (java.nio.channels.SocketChannel silent = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            silent.connect(java.net.UnixDomainSocketAddress.of(socket));
            java.io.DataOutputStream out = new java.io.DataOutputStream(java.nio.channels.Channels.newOutputStream(silent));
            ServerProtocol.writeHeader(out, build, ServerProtocol.RUN);
            ServerProtocol.writeString(out, rules.toString());
            List<String> args = List.of("check", ".", "--select", "ALL", "--format", "json", "--exit-zero");
            out.writeInt(args.size());
            for (String a : args) ServerProtocol.writeString(out, a);
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                ServerProtocol.writeString(out, e.getKey());
                ServerProtocol.writeString(out, e.getValue());
            }
            out.writeBoolean(false);
            out.flush();
            // its answer (megabytes of JSON) fills the socket's buffers and waits; the next client is answered
            for (int i = 0; i < 300 && runs() < 1; i++) Thread.sleep(100);
            Case next = new Case(incident, Map.of(), "check", "--format", "concise");
            assertEquals(next.run(env, true), next.run(env, false));
            assertEquals(2, runs());
        }
    }

    private interface Change {
        void apply() throws Exception;
    }

    private int reusedWalks() throws Exception {
        return Integer.parseInt(find(Pattern.compile(", (\\d+) on a reused walk,"), server("status").out()));
    }

    @Test
    void clientsAtOnceEachGetTheirOwnAnswer() throws Exception {
        assertEquals(0, server("start").exit());
        List<Case> cases = List.of(new Case(incident, Map.of(), "check", "--format", "json"),
                new Case(incident, Map.of(), "check", "--format", "concise", "--select", "LG2"),
                new Case(temp, Map.of(), "check", "incident", "--statistics"),
                new Case(incident, Map.of("NO_COLOR", "1"), "check", "--format", "text"));
        List<Runs.Run> own = new ArrayList<>();
        for (Case c : cases) own.add(c.run(env, true));
        List<java.util.concurrent.Future<Runs.Run>> served = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 2; round++) {
                for (Case c : cases) served.add(pool.submit(() -> c.run(env, false)));
            }
            for (int i = 0; i < served.size(); i++) {
                assertEquals(own.get(i % cases.size()), served.get(i).get(), "served at once: " + cases.get(i % cases.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2 * cases.size(), runs());
    }

    @Test
    void lintgateServerStartInTheEnvironmentStartsOneForTheRunsAfter() throws Exception {
        env.put("LINTGATE_SERVER", "start");
        Case c = new Case(incident, Map.of(), "check", "--format", "concise");
        Runs.Run first = c.run(env, false);
        assertEquals(c.run(env, true), first, "the first run is its own");
        for (int i = 0; i < 300 && server("status").exit() != 0; i++) Thread.sleep(100);
        assertEquals(0, runs(), "the first run started a server");
        assertEquals(first, c.run(env, false));
        assertEquals(1, runs(), "the server answered the second run");
    }

    @Test
    void aSocketDirectoryOthersCanEnterIsRefused() throws Exception {
        Path open = Files.createDirectories(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dir = Files.createDirectory(open.resolve("lintgate"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("XDG_RUNTIME_DIR", open.toString());
        Runs.Run start = server("start");
        assertEquals(2, start.exit());
        assertTrue(start.err().contains("is not a directory of this user's alone"), start.err());
    }

    private Runs.Run server(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("server"));
        all.addAll(List.of(args));
        return Runs.process(List.of(), env, null, temp, all.toArray(String[]::new));
    }

    /** The runs the server answered so far, from its status line. */
    private int runs() throws Exception {
        Runs.Run status = server("status");
        assertEquals(0, status.exit(), "the server is running: " + status.out());
        return Integer.parseInt(find(Pattern.compile(", (\\d+) runs,"), status.out()));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), p + " in " + text);
        return m.group(1);
    }

    private record Case(Path cwd, Map<String, String> extraEnv, String... args) {
        Runs.Run run(Map<String, String> base, boolean own) throws Exception {
            Map<String, String> e = new HashMap<>(base);
            e.putAll(extraEnv);
            if (own) e.put("LINTGATE_NO_SERVER", "1");
            return Runs.process(List.of(), e, null, cwd, args);
        }

        @Override
        public String toString() {
            return cwd + " " + extraEnv + " " + String.join(" ", args);
        }
    }
}
