package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.pytest.PluginCatalog.Arity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proof against real pytest 9.1.1 and 8.4.2 with the plugins real projects declare (pytest-xdist, pytest-timeout,
 * pytest-cov, pytest-benchmark, pytest-asyncio, hypothesis, anyio...) that lintgate reads argument lists as pytest
 * does. First the tables: every option argparse knows in that venv, with its arity, must be in
 * {@link CommandLineOptions} with the same arity, and every option the catalog gives pytest itself must exist.
 * Then random lines of plugin options, values, clusters, {@code -p no:x} in its three spellings and paths, put in
 * {@code addopts} (pytest.ini, {@code [tool.pytest]} lists in 9.x), {@code PYTEST_ADDOPTS} and the command line,
 * with the project's own conftest options: pytest's {@code config.args} (what it will collect), its blocked plugins
 * and its usage errors must be lintgate's. Two kinds of line are counted but not compared: those argparse refuses for
 * an option's value ({@code --timeout src}: lintgate reads arities, not types), and those with {@code --}, which
 * lintgate declares it does not read.
 */
class PytestArgsOracleTest {

    private static final long SEED = 20260307L;
    // argparse checking an option's value (type= or choices=): lintgate reads arities, not values
    private static final java.util.regex.Pattern VALUE_ERROR = java.util.regex.Pattern.compile("invalid choice|invalid \\w+ value");
    private static final String VALUE = "value";
    private static final String UNBOUNDED = "unbounded";
    private static final int CASES = 120;

    // units of a command line: an option with its values, a cluster, a path
    private static final List<List<String>> UNITS = List.of(
            List.of("-n", "4"), List.of("-n", "logical"), List.of("-n", "auto"), List.of("-nauto"), List.of("--numprocesses=2"),
            List.of("--dist", "loadgroup"), List.of("--dist=loadscope"), List.of("--maxprocesses", "2"),
            List.of("--cov", "src"), List.of("--cov"), List.of("--cov=src"), List.of("--cov-report", "term"),
            List.of("--cov-report=xml"), List.of("--no-cov"), List.of("--timeout", "20"), List.of("--timeout=5"),
            List.of("--timeout-method", "thread"), List.of("-p", "no:asyncio"), List.of("-pno:asyncio"), List.of("-p no:asyncio"),
            List.of("-p", "no:cacheprovider"), List.of("-p", "no:xdist"), List.of("-ra"), List.of("-rfE"), List.of("-vvv"),
            List.of("-q"), List.of("-x"), List.of("-sv"), List.of("-k", "a or b"), List.of("-m", "slow"), List.of("-m not slow"),
            List.of("--tb", "short"), List.of("--tb=line"), List.of("--maxfail", "2"), List.of("-W", "error::DeprecationWarning"),
            List.of("--benchmark-columns", "min,mean"), List.of("--benchmark-compare"), List.of("--benchmark-histogram"),
            List.of("--benchmark-disable"), List.of("--hypothesis-seed", "1"), List.of("--hypothesis-show-statistics"),
            List.of("--asyncio-mode", "auto"), List.of("--anyio-mode", "auto"), List.of("-o", "xfail_strict=true"),
            List.of("--durations", "5"), List.of("--durations=3"), List.of("--import-mode", "importlib"), List.of("--debug"),
            List.of("--ignore", "integration"), List.of("--deselect", "tests/test_a.py::test_a"), List.of("--strict-markers"),
            List.of("--integration"), List.of("--db", "sqlite"), List.of("--db=postgresql"),
            List.of("tests"), List.of("integration"), List.of("src"), List.of("tests/test_a.py"),
            List.of("tests/test_a.py::test_a"), List.of("logical"));
    // lines pytest refuses
    private static final List<List<String>> LAST = List.of(List.of("--timeout"), List.of("-n"), List.of("--verbose=1"),
            List.of("-x5"), List.of("--", "tests"));

    @Test
    void pytest911ReadsArgumentsAsLintgate() throws Exception {
        check("9.1.1");
    }

    @Test
    void pytest842ReadsArgumentsAsLintgate() throws Exception {
        check("8.4.2");
    }

    private record Case(String id, Path layout, String cwd, List<String> args, String env) {
    }

    private void check(String version) throws Exception {
        Path python = PytestVenvs.withPlugins(version);
        Path base = Files.createTempDirectory("lintgate-args-").toRealPath();
        try {
            Path probe = base.resolve("argsprobe.py");
            try (InputStream in = getClass().getResourceAsStream("argsprobe.py")) {
                Files.write(probe, in.readAllBytes());
            }
            List<String> failures = new ArrayList<>(compareTables(python, probe, base, PytestVersion.parse(version)));
            List<Case> cases = generate(base, new Random(SEED), version);
            StringBuilder lines = new StringBuilder();
            for (Case c : cases) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("cwd", c.cwd().isEmpty() ? c.layout().toString() : c.layout().resolve(c.cwd()).toString());
                m.put("args", c.args());
                if (c.env() != null) m.put("env", c.env());
                lines.append(PytestDiscoveryOracleTest.json(m)).append('\n');
            }
            Path input = base.resolve("cases.jsonl");
            Path output = base.resolve("answers.jsonl");
            Files.writeString(input, lines);
            run(python, base, probe.toString(), "args", input.toString(), output.toString());
            Map<String, Map<String, Object>> real = new TreeMap<>();
            for (String line : Files.readAllLines(output)) {
                if (!line.isBlank()) real.put((String) PytestDiscoveryOracleTest.parse(line).get("id"), PytestDiscoveryOracleTest.parse(line));
            }
            assertEquals(cases.size(), real.size(), "probe answered " + real.size() + " of " + cases.size());
            int refused = 0;
            int values = 0;
            int unbounded = 0;
            for (Case c : cases) {
                Map<String, Object> answer = real.get(c.id());
                if (!"0".equals(String.valueOf(answer.get("exit")))) refused++;
                String diff = compare(c, answer);
                if (VALUE.equals(diff)) {
                    values++;
                } else if (UNBOUNDED.equals(diff)) {
                    unbounded++;
                } else if (diff != null) failures.add(c.id() + " [" + c.cwd() + "] pytest " + c.args() + " addopts " + addoptsOf(c) + ": " + diff);
            }
            System.out.printf("argument oracle, pytest %s with plugins: %d lines, %d refused by argparse (%d for an option's value, "
                            + "which lintgate does not check), %d that lintgate does not claim to read (`--`), %d disagreements%n",
                    version, cases.size(), refused, values, unbounded, failures.size());
            if (!failures.isEmpty()) {
                fail(failures.size() + " disagreements with pytest " + version + ":\n" + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
            }
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The option tables against the venv's argparse: same options, same arities. */
    private static List<String> compareTables(Path python, Path probe, Path base, PytestVersion version) throws Exception {
        String out = run(python, base, probe.toString(), "options");
        Map<String, Object> real = PytestDiscoveryOracleTest.parse(out.strip());
        CommandLineOptions ours = CommandLineOptions.of(version);
        List<String> problems = new ArrayList<>();
        Map<String, Arity> core = PluginCatalog.coreOptions(version);
        int plugin = 0;
        for (Map.Entry<String, Object> e : real.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) e.getValue();
            String dist = String.valueOf(o.get("dist"));
            Arity arity = switch (String.valueOf(o.get("arity"))) {
                case "0" -> Arity.NONE;
                case "1" -> Arity.ONE;
                case "?" -> Arity.OPTIONAL;
                case "+" -> Arity.ONE_OR_MORE;
                default -> Arity.ANY;
            };
            if (!dist.isEmpty()) plugin++;
            if (dist.isEmpty() && core.get(e.getKey()) != arity) {
                problems.add("core option " + e.getKey() + ": pytest " + arity + ", catalog " + core.get(e.getKey()));
            } else if (ours.arity(e.getKey()).orElse(null) != arity) {
                problems.add(dist + " option " + e.getKey() + ": " + arity + ", lintgate " + ours.arity(e.getKey()).orElse(null));
            }
        }
        for (String o : core.keySet()) {
            if (!real.containsKey(o)) problems.add("the catalog's core option " + o + " is not pytest " + version + "'s");
        }
        assertTrue(plugin > 50, "the venv's plugins add options: " + plugin);
        return problems;
    }

    private static String compare(Case c, Map<String, Object> answer) throws IOException {
        Project project = new ProjectLoader(c.layout(), c.layout()).load(List.of("."), null, false);
        PytestConfigModel model = MarkerCollectionOracleTest.only(project);
        PytestRun run = model.discovery().run(c.cwd(), c.args(), c.env());
        boolean refused = !"0".equals(String.valueOf(answer.get("exit")));
        if (run.fullArgs() != null && run.fullArgs().unbounded() != null) return UNBOUNDED;
        if (refused && run.error().isEmpty() && VALUE_ERROR.matcher(String.valueOf(answer.get("error"))).find()) return VALUE;
        if (refused != run.error().isPresent()) {
            return "pytest " + (refused ? "refuses the line (" + oneLine(answer.get("error")) + ")" : "accepts the line")
                    + ", lintgate " + run.error().map(e -> "stops: " + e).orElse("accepts it");
        }
        if (refused) return null;
        List<String> expected = new ArrayList<>();
        for (Object a : (List<?>) answer.get("args")) expected.add(relative(c.layout(), String.valueOf(a)));
        List<String> roots = run.collectionRoots().stream().map(r -> r.isEmpty() ? "." : r).toList();
        if (!expected.equals(roots)) return "pytest collects " + expected + ", lintgate " + roots;
        List<String> blocked = new ArrayList<>();
        for (Object b : (List<?>) answer.get("blocked")) blocked.add(String.valueOf(b));
        TreeSet<String> ours = new TreeSet<>(run.fullArgs().blockedPlugins());
        ours.retainAll(List.of("asyncio", "xdist", "cacheprovider"));
        TreeSet<String> theirs = new TreeSet<>(blocked);
        theirs.retainAll(List.of("asyncio", "xdist", "cacheprovider"));
        if (!ours.equals(theirs)) return "pytest blocks " + theirs + ", lintgate " + ours;
        if (!run.fullArgs().unknownOptions().isEmpty()) return "lintgate does not know " + run.fullArgs().unknownOptions();
        return null;
    }

    private static String oneLine(Object o) {
        String s = String.valueOf(o).strip();
        String[] lines = s.split("\n");
        return lines[lines.length - 1];
    }

    private static String relative(Path layout, String abs) {
        if (abs.equals(layout.toString())) return ".";
        String prefix = layout + "/";
        return abs.startsWith(prefix) ? abs.substring(prefix.length()) : abs;
    }

    private static String addoptsOf(Case c) {
        try {
            for (String name : List.of("pytest.ini", "pyproject.toml")) {
                Path p = c.layout().resolve(name);
                if (Files.exists(p)) return Files.readString(p).lines().filter(l -> l.startsWith("addopts")).findFirst().orElse("");
            }
        } catch (IOException e) {
            return "?";
        }
        return "";
    }

    // ---- cases ----

    private static List<Case> generate(Path base, Random random, String version) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Path layout = base.resolve("case" + i);
            write(layout, "requirements-test.txt", "pytest==" + version + "\npytest-xdist\npytest-cov\npytest-timeout\n");
            write(layout, "tests/test_a.py", "def test_a():\n    pass\n");
            write(layout, "integration/test_b.py", "def test_b():\n    pass\n");
            write(layout, "src/app/__init__.py", "");
            write(layout, "conftest.py", "def pytest_addoption(parser):\n"
                    + "    parser.addoption(\"--integration\", action=\"store_true\")\n"
                    + "    parser.getgroup(\"db\").addoption(\"--db\", action=\"append\", default=[])\n");
            List<String> addopts = line(random, 3);
            boolean nativeToml = version.startsWith("9") && random.nextBoolean();
            String testpaths = random.nextInt(3) == 0 ? "" : "tests";
            if (nativeToml) {
                // whole list items, as pytest 9 takes them: "-p no:asyncio" stays one argument
                StringBuilder t = new StringBuilder("[tool.pytest]\n");
                t.append("addopts = [").append(String.join(", ", addopts.stream().map(PytestArgsOracleTest::tomlString).toList())).append("]\n");
                if (!testpaths.isEmpty()) t.append("testpaths = [\"").append(testpaths).append("\"]\n");
                write(layout, "pyproject.toml", t.toString());
            } else {
                StringBuilder t = new StringBuilder("[pytest]\n");
                t.append("addopts = ").append(String.join(" ", addopts.stream().map(PytestArgsOracleTest::shellQuote).toList())).append('\n');
                if (!testpaths.isEmpty()) t.append("testpaths = ").append(testpaths).append('\n');
                write(layout, "pytest.ini", t.toString());
            }
            List<String> args = line(random, 3);
            String env = random.nextInt(4) == 0 ? String.join(" ", line(random, 1).stream().map(PytestArgsOracleTest::shellQuote).toList()) : null;
            String cwd = random.nextInt(4) == 0 ? "tests" : "";
            if (cwd.equals("tests")) args = args.stream().map(a -> a.startsWith("tests/") ? a.substring(6) : a).toList();
            cases.add(new Case("case" + i, layout, cwd, args, env));
        }
        return cases;
    }

    private static List<String> line(Random random, int max) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(max + 1);
        for (int k = 0; k < n; k++) out.addAll(UNITS.get(random.nextInt(UNITS.size())));
        if (random.nextInt(12) == 0) out.addAll(LAST.get(random.nextInt(LAST.size())));
        return out;
    }

    private static String shellQuote(String w) {
        return w.matches("[A-Za-z0-9_./:=,\\-]+") ? w : "'" + w.replace("'", "'\"'\"'") + "'";
    }

    private static String tomlString(String w) {
        return "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String run(Path python, Path base, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(python.toString());
        command.add("-I");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(base.toFile());
        pb.environment().remove("PYTEST_ADDOPTS");
        pb.environment().remove("PYTEST_PLUGINS");
        pb.environment().remove("PYTEST_DISABLE_PLUGIN_AUTOLOAD");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe timed out");
        assertEquals(0, p.exitValue(), "probe failed:\n" + out);
        return out;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
