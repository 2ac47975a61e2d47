package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proof against real pytest: random directory layouts (which config files exist, which sections and options they
 * hold, nesting, broken files, setup.py), random invocations (working directory, path and node-id arguments,
 * {@code -c}, {@code --rootdir}, {@code -o}, strict flags, {@code --asyncio-mode}), and for each the model that
 * {@code lintgate pytest-config --format json} prints is compared with what pytest itself reports (rootdir, config
 * file, abort or not, pytest-asyncio's options, marker names, strictness), for pytest 9.1.1 and 8.4.2 with
 * pytest-asyncio 1.4.0. The venvs are built under {@code target/pytest-venvs/<version>} on first use, from the
 * local package index only.
 */
class PytestDiscoveryOracleTest {

    private static final long SEED = 20261122L;
    private static final int LAYOUTS = 260;
    private static final int RUNS_PER_LAYOUT = 3;

    @Test
    void pytest911AgreesOnEveryLayout() throws Exception {
        check("9.1.1");
    }

    @Test
    void pytest842AgreesOnEveryLayout() throws Exception {
        check("8.4.2");
    }

    private record Case(String id, Path layout, String cwd, List<String> args, String env, Map<String, String> files) {
    }

    private void check(String version) throws Exception {
        Path python = PytestVenvs.python(version);
        Path base = Files.createTempDirectory("lintgate-oracle-").toRealPath();
        try {
            List<Case> cases = generate(base, new Random(SEED));
            Path input = base.resolve("cases.jsonl");
            StringBuilder lines = new StringBuilder();
            for (Case c : cases) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("cwd", c.cwd());
                m.put("args", c.args());
                if (c.env() != null) m.put("env", c.env());
                lines.append(json(m)).append('\n');
            }
            Files.writeString(input, lines);
            Path probe = base.resolve("probe.py");
            try (InputStream in = getClass().getResourceAsStream("probe.py")) {
                Files.write(probe, in.readAllBytes());
            }
            ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", probe.toString(), input.toString());
            pb.environment().remove("PYTEST_ADDOPTS");
            pb.environment().remove("PYTEST_PLUGINS");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe timed out");
            Map<String, Map<String, Object>> real = new TreeMap<>();
            for (String line : out.split("\n")) {
                if (line.isBlank()) continue;
                Map<String, Object> r = parse(line);
                real.put((String) r.get("id"), r);
            }
            assertEquals(cases.size(), real.size(), "probe answered " + real.size() + " of " + cases.size() + " cases");
            PytestVersion v = PytestVersion.parse(System.getProperty("oracleModel", version));
            List<String> failures = new ArrayList<>();
            int errors = 0;
            for (Case c : cases) {
                Discovery d = new Discovery(FileTree.filesystem(), v);
                PytestRun run = d.run(c.cwd(), c.args(), c.env());
                Map<String, Object> model = PytestConfigReport.model(run, d.tree());
                Map<String, Object> expected = real.get(c.id());
                String diff = compare(model, expected, v);
                String unknown = unknownKeys(run, v);
                if (expected.containsKey("unknownKeys") && !unknown.equals(String.valueOf(expected.get("unknownKeys")))) {
                    diff = (diff == null ? "" : diff + "; ") + "unknownKeys: lintgate=" + unknown + " pytest=" + expected.get("unknownKeys");
                }
                if (expected.containsKey("error")) errors++;
                if (diff != null) {
                    failures.add(describe(c, base) + "  " + diff);
                }
            }
            if (version.equals("9.1.1")) {
                // the same odd layouts must never crash the rules: bad config input is a finding, not a stack trace
                for (Case c : cases) {
                    if (!c.id().endsWith(".0")) continue;
                    dev.lintgate.project.Project project = new dev.lintgate.project.ProjectLoader(c.layout(), c.layout())
                            .load(List.of("."), null, false);
                    List<dev.lintgate.rules.Rule> rules = dev.lintgate.rules.AllRules.create().stream()
                            .filter(r -> r.code().startsWith("LG2")).toList();
                    new dev.lintgate.engine.Engine(dev.lintgate.catalog.RuleCatalog.bundled(), 1).run(project, rules);
                }
            }
            System.out.printf("pytest-config oracle, pytest %s: %d cases (%d layouts), %d where pytest aborts, %d disagreements%n",
                    version, cases.size(), LAYOUTS, errors, failures.size());
            if (!failures.isEmpty()) {
                fail(failures.size() + " disagreements with pytest " + version + ":\n"
                        + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
            }
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String compare(Map<String, Object> model, Map<String, Object> real, PytestVersion v) {
        boolean modelError = model.containsKey("error");
        boolean realError = real.containsKey("error");
        if (modelError || realError) {
            if (modelError != realError) {
                return "abort: lintgate=" + model.get("error") + " pytest=" + real.get("error")
                        + (modelError ? "" : " (lintgate: rootdir " + model.get("rootdir") + ", configfile " + model.get("configfile") + ")");
            }
            return null;
        }
        Map<String, Object> asyncio = (Map<String, Object>) model.get("asyncio");
        Map<String, Object> strict = (Map<String, Object>) model.get("strict");
        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("rootdir", model.get("rootdir"));
        mine.put("configfile", model.get("configfile"));
        // with -p no:asyncio pytest has no such options: getini raises, as our "disabled" says
        boolean disabled = asyncio.containsKey("disabled");
        mine.put("mode", disabled ? "!error" : errorless(asyncio.get("mode")));
        mine.put("fixtureLoopScope", disabled ? "!error" : errorless(asyncio.get("fixtureLoopScope")));
        mine.put("testLoopScope", disabled ? "!error" : errorless(asyncio.get("testLoopScope")));
        mine.put("markers", errorless(model.get("markers")));
        mine.put("strictMarkers", strict.get("markers"));
        mine.put("strictConfig", strict.get("config"));
        List<String> args = (List<String>) model.get("args");
        if (args.isEmpty()) {
            mine.put("collects", ((List<String>) model.get("collects")).stream().sorted().toList());
        }
        if (v.hasNativeToml()) {
            mine.put("shadowed", !(Boolean) model.get("shadowedInHeader") ? List.of() : ((List<String>) model.get("shadowed")).stream()
                    .map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList());
        }
        List<String> diffs = new ArrayList<>();
        for (String k : mine.keySet()) {
            Object a = mine.get(k);
            Object b = errorless(real.get(k));
            if (!String.valueOf(a).equals(String.valueOf(b))) {
                diffs.add(k + ": lintgate=" + a + " pytest=" + b);
            }
        }
        return diffs.isEmpty() ? null : String.join("; ", diffs);
    }

    /**
     * The keys pytest's --strict-config would reject, from lintgate's catalog (pytest core for the version, plus
     * pytest-asyncio, the one plugin installed in the venvs). pytest 8 checks only the file's keys; pytest 9 also
     * the -o overrides (strict flags included), which it merges into the same dict.
     */
    private static String unknownKeys(PytestRun run, PytestVersion v) {
        java.util.Set<String> known = new java.util.HashSet<>(PluginCatalog.coreKeys(v).keySet());
        if (!run.asyncioDisabled()) known.addAll(PluginCatalog.plugin("pytest-asyncio").orElseThrow().iniKeys().keySet());
        return run.values().values().stream()
                .filter(x -> v.hasNativeToml() || x.origin().equals("file"))
                .map(PytestRun.Value::key)
                .filter(k -> !known.contains(k))
                .sorted().toList().toString();
    }

    /** Both sides mark an unreadable value with a leading "!"; the wording differs. */
    private static Object errorless(Object v) {
        return v instanceof String s && s.startsWith("!") ? "!error" : v;
    }

    private static String describe(Case c, Path base) {
        StringBuilder b = new StringBuilder();
        b.append("case ").append(c.id()).append(": cd ").append(base.relativize(Path.of(c.cwd())).toString().replaceFirst("^case-\\d+/?", "./"))
                .append(" && ").append(c.env() == null ? "" : "PYTEST_ADDOPTS='" + c.env() + "' ")
                .append("pytest ").append(String.join(" ", c.args())).append("\n    layout:");
        c.files().forEach((f, text) -> b.append("\n      ").append(f).append(": ").append(text.replace("\n", "\\n")));
        return b.toString();
    }

    // ---- layouts ----

    private static final String[] DIRS = {"", "a", "a/b", "svc", "svc/tests"};

    private static List<Case> generate(Path base, Random rnd) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < LAYOUTS; i++) {
            Path root = base.resolve(String.format("case-%03d", i));
            Map<String, String> files = new TreeMap<>();
            for (String d : DIRS) {
                double p = d.isEmpty() ? 0.9 : 0.45;
                if (rnd.nextDouble() < p) {
                    int n = 1 + (rnd.nextDouble() < 0.4 ? 1 : 0) + (rnd.nextDouble() < 0.15 ? 1 : 0);
                    for (int k = 0; k < n; k++) {
                        String name = pick(rnd, "pytest.ini", "pytest.ini", ".pytest.ini", "pyproject.toml", "pyproject.toml",
                                "pyproject.toml", "tox.ini", "setup.cfg", "pytest.toml", ".pytest.toml");
                        files.put(join(d, name), content(name, rnd));
                    }
                }
                if (rnd.nextDouble() < 0.05) files.put(join(d, "setup.py"), "");
                files.put(join(d, "test_" + (d.isEmpty() ? "root" : d.replace('/', '_')) + ".py"), "def test_x():\n    pass\n");
            }
            files.put("c/test_c.py", "def test_c():\n    pass\n");
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path f = root.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            List<String> allDirs = new ArrayList<>(List.of(DIRS));
            allDirs.add("c");
            for (int r = 0; r < RUNS_PER_LAYOUT; r++) {
                String cwd = r == 0 ? "" : pick(rnd, allDirs.toArray(String[]::new));
                if (r == 2) {
                    // CI-style: run from the root with one directory or test file as argument
                    String t = pick(rnd, allDirs.toArray(String[]::new));
                    cases.add(new Case(i + "." + r, root, root.toString(), List.of(t.isEmpty() ? "." : t), null, files));
                    continue;
                }
                List<String> args = new ArrayList<>();
                int nargs = rnd.nextInt(4);
                for (int k = 0; k < nargs; k++) {
                    double x = rnd.nextDouble();
                    String target = pick(rnd, allDirs.toArray(String[]::new));
                    if (x < 0.35) {
                        args.add(relative(cwd, target));
                    } else if (x < 0.5) {
                        String t = relative(cwd, join(target, "test_" + (target.isEmpty() ? "root" : target.replace('/', '_')) + ".py"));
                        args.add(rnd.nextBoolean() ? t : t + "::test_x");
                    } else if (x < 0.55) {
                        args.add(relative(cwd, "nonexistent/dir"));
                    } else if (x < 0.65) {
                        List<String> configs = files.keySet().stream().filter(f -> !f.endsWith(".py")).toList();
                        if (!configs.isEmpty()) {
                            args.add("-c");
                            args.add(relative(cwd, pick(rnd, configs.toArray(String[]::new))));
                        }
                    } else if (x < 0.72) {
                        args.add("--rootdir=" + relative(cwd, rnd.nextDouble() < 0.9 ? target : "missing"));
                    } else if (x < 0.8) {
                        args.add("-o");
                        args.add(pick(rnd, "asyncio_mode=auto", "asyncio_default_fixture_loop_scope=module", "markers=cli_marker", "strict_markers=true"));
                    } else if (x < 0.88) {
                        args.add(pick(rnd, "--strict-markers", "--strict-config", "--strict"));
                    } else {
                        args.add(pick(rnd, "--asyncio-mode=auto", "--asyncio-mode=strict", "-p", "-pno:asyncio"));
                        if (args.get(args.size() - 1).equals("-p")) args.add("no:asyncio");
                    }
                }
                String env = null;
                if (rnd.nextDouble() < 0.15) {
                    env = pick(rnd, "--strict-markers", "-o asyncio_mode=auto", "--asyncio-mode=strict -p no:cacheprovider",
                            "--rootdir=" + relative(cwd, pick(rnd, allDirs.toArray(String[]::new))),
                            "-c " + relative(cwd, pick(rnd, files.keySet().stream().filter(f -> !f.endsWith(".py")).findFirst().orElse("pytest.ini"))),
                            "-o 'markers=env one'", "--strict-config \"unclosed");
                }
                String abs = cwd.isEmpty() ? root.toString() : root.resolve(cwd).toString();
                cases.add(new Case(i + "." + r, root, abs, args, env, files));
            }
        }
        return cases;
    }

    private static String relative(String from, String to) {
        Path f = Path.of(from.isEmpty() ? "." : from).normalize();
        Path t = Path.of(to.isEmpty() ? "." : to).normalize();
        String rel = f.relativize(t).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private static String join(String d, String n) {
        return d.isEmpty() ? n : d + "/" + n;
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String iniOption(Random rnd) {
        return pick(rnd,
                "asyncio_mode = auto", "asyncio_mode = strict", "asyncio_mode = auto # fast",
                "asyncio_default_fixture_loop_scope = function", "asyncio_default_fixture_loop_scope = session",
                "asyncio_default_test_loop_scope = module",
                "markers =\n    slow: slow tests\n    db(name): needs a database\n\n    # a comment inside\n    integration",
                "markers = fast",
                "addopts = --asyncio-mode=auto", "addopts = --strict-markers -q", "addopts = --strict-config",
                "addopts = -o asyncio_default_fixture_loop_scope=class", "addopts = -o strict_markers=true",
                "strict_markers = true", "strict = true", "xfail_strict = true", "unknown_key = 1",
                "asyncio_default_fixture_loop_scope: module", "testpaths = tests", "testpaths = a svc/t* missing",
                "testpaths = ../c", "minversion = 10.0", "minversion = 8.1");
    }

    private static String tomlOption(Random rnd, boolean nativeMode) {
        return pick(rnd,
                "asyncio_mode = \"auto\"", "asyncio_mode = \"strict\"", "asyncio_default_fixture_loop_scope = \"session\"",
                "asyncio_default_test_loop_scope = \"module\"",
                "markers = [\"slow: slow tests\", \"db(x)\"]", "markers = \"one\\ntwo: second\"",
                "addopts = [\"--strict-markers\"]", "addopts = \"--asyncio-mode=auto\"",
                "strict_markers = true", "strict = true", nativeMode ? "asyncio_mode = 1" : "asyncio_mode = true",
                "addopts = [\"-o\", \"asyncio_default_test_loop_scope=class\"]", "minversion = \"7.0\"",
                "testpaths = [\"svc\", \"a/*\"]", "minversion = \"9.1\"");
    }

    private static String options(Random rnd, boolean toml, boolean nativeMode) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(4);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String o = toml ? tomlOption(rnd, nativeMode) : iniOption(rnd);
            String key = o.split("[ =:]")[0];
            if (used.contains(key)) continue;
            used.add(key);
            b.append(o).append('\n');
        }
        return b.toString();
    }

    private static String content(String name, Random rnd) {
        double x = rnd.nextDouble();
        switch (name) {
            case "pytest.ini", ".pytest.ini":
                if (x < 0.6) return "[pytest]\n" + options(rnd, false, false);
                if (x < 0.7) return "";
                if (x < 0.8) return "[other]\nkey = value\n";
                if (x < 0.87) return "[pytest]\nasyncio_mode = auto\nasyncio_mode = strict\n";
                if (x < 0.93) return "[pytest]\n  continued\n";
                return "[pytest]\nthis line is bad\n";
            case "tox.ini":
                if (x < 0.5) return "[tox]\nenvlist = py311\n\n[pytest]\n" + options(rnd, false, false);
                if (x < 0.75) return "[tox]\nenvlist = py311\n";
                if (x < 0.88) return "[tool:pytest]\n" + options(rnd, false, false);
                return "[testenv]\ndeps = pytest\n[testenv]\ndeps = x\n";
            case "setup.cfg":
                if (x < 0.5) return "[metadata]\nname = x\n\n[tool:pytest]\n" + options(rnd, false, false);
                if (x < 0.8) return "[metadata]\nname = x\n";
                return "[pytest]\n" + options(rnd, false, false);
            case "pyproject.toml":
                if (x < 0.4) return "[project]\nname = \"x\"\n\n[tool.pytest.ini_options]\n" + options(rnd, true, false);
                if (x < 0.6) return "[project]\nname = \"x\"\n";
                if (x < 0.75) return "[tool.pytest]\n" + options(rnd, true, true);
                if (x < 0.8) return "[tool.pytest]\nminversion = \"8.0\"\n\n[tool.pytest.ini_options]\nasyncio_mode = \"auto\"\n";
                if (x < 0.85) return "[tool.pytest.ini-options]\nasyncio_mode = \"auto\"\n";
                if (x < 0.9) return "[tool.pytest.ini_options]\n";
                return "[project\nname = \"x\"\n";
            default: // pytest.toml, .pytest.toml
                if (x < 0.6) return "[pytest]\n" + options(rnd, true, true);
                if (x < 0.75) return "";
                if (x < 0.9) return "[other]\nx = 1\n";
                return "[pytest]\nasyncio_mode = \n";
        }
    }

    // ---- JSON ----

    static String json(Map<String, Object> m) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                g.writeFieldName(e.getKey());
                if (e.getValue() instanceof List<?> l) {
                    g.writeStartArray();
                    for (Object o : l) g.writeString(String.valueOf(o));
                    g.writeEndArray();
                } else {
                    g.writeString(String.valueOf(e.getValue()));
                }
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    static Map<String, Object> parse(String line) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            p.nextToken();
            return readObject(p);
        }
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            m.put(name, readValue(p));
        }
        return m;
    }

    private static Object readValue(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(readValue(p));
                yield l;
            }
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> p.getText();
        };
    }
}
