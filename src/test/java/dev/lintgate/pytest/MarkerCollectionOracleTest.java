package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proof against real pytest for markers and collection: random monorepo layouts (strict and lax configs at the root
 * and in services, strictness from {@code addopts} or the pytest 9 ini keys, {@code -p no:asyncio}, {@code markers}, {@code testpaths}, {@code norecursedirs}, {@code python_files}, conftest
 * registrations direct and through {@code pytest_plugins}, test modules using registered, unregistered, plugin and
 * conftest-registered marks). The invocations are the ones lintgate reasons about (every run that collects a test
 * module, and the runs LG216 starts from); each is run with {@code pytest --collect-only -q} in pytest 9.1.1 and
 * 8.4.2 with pytest-asyncio 1.4.0, and per invocation and module lintgate's unknown markers must be exactly the
 * module's collection error (strict) or its PytestUnknownMarkWarnings (lax), and its collected modules exactly
 * pytest's. Marks LG213 calls order-dependent are left out of the marker comparison (pytest's answer then depends on
 * collection order, which is the point of LG213). Then the rules themselves: every LG210 error is on a module whose
 * collection fails with an unknown-marker error in some invocation, every LG210 warning names a mark that warns, and LG216 flags exactly the modules no
 * starting run collects.
 */
class MarkerCollectionOracleTest {

    private static final long SEED = 20261122L;
    private static final int LAYOUTS = 60;
    private static final List<String> CONFIG_MARKERS = List.of("slow", "db", "golden_path", "nightly");
    private static final List<String> USED = List.of("slow", "db", "golden_path", "nightly", "smoke", "asyncio", "timeout",
            "golden_pth", "skip", "xfail");
    private static final Pattern STRICT_ERROR = Pattern.compile("'(\\w+)' not found in `markers` configuration option");
    private static final Pattern UNKNOWN_WARNING = Pattern.compile("Unknown pytest\\.mark\\.(\\w+)");

    @Test
    void pytest911AgreesOnMarkersAndCollection() throws Exception {
        check("9.1.1");
    }

    @Test
    void pytest842AgreesOnMarkersAndCollection() throws Exception {
        check("8.4.2");
    }

    private record Invocation(String id, Path layout, String cwd, List<String> args) {
    }

    private void check(String version) throws Exception {
        Path python = PytestVenvs.python(version);
        Path base = Files.createTempDirectory("lintgate-markers-").toRealPath();
        try {
            Random random = new Random(SEED);
            List<Path> layouts = new ArrayList<>();
            for (int i = 0; i < LAYOUTS; i++) layouts.add(generate(base.resolve("layout" + i), random, version));
            Map<Path, Project> projects = new LinkedHashMap<>();
            List<Invocation> invocations = new ArrayList<>();
            for (Path layout : layouts) {
                Project project = new ProjectLoader(layout, layout).load(List.of("."), null, false);
                projects.put(layout, project);
                MarkerModel model = markers(project);
                Set<String> seen = new LinkedHashSet<>();
                List<PytestRun> runs = new ArrayList<>(starting(project));
                for (String m : model.testModules()) runs.addAll(model.runsCollecting(m));
                for (PytestRun r : runs) {
                    if (r.error().isPresent() || !seen.add(r.cwd() + "|" + r.args())) continue;
                    invocations.add(new Invocation(layout.getFileName() + "#" + seen.size(), layout, r.cwd(), r.args()));
                }
            }
            Map<String, Map<String, Object>> real = runPytest(python, base, invocations);
            assertEquals(invocations.size(), real.size(), "probe answered " + real.size() + " of " + invocations.size());

            List<String> failures = new ArrayList<>();
            int strictErrors = 0;
            int warnings = 0;
            int uncollected = 0;
            Map<Path, List<Map<String, Object>>> byLayout = new LinkedHashMap<>();
            for (Invocation inv : invocations) {
                Map<String, Object> answer = real.get(inv.id());
                byLayout.computeIfAbsent(inv.layout(), k -> new ArrayList<>()).add(answer);
                String diff = compareInvocation(markers(projects.get(inv.layout())), inv, answer);
                if (diff != null) failures.add(inv.id() + " (cd " + inv.cwd() + " && pytest " + String.join(" ", inv.args()) + "): " + diff);
                strictErrors += count(answer, "errors", STRICT_ERROR);
                warnings += count(answer, "warnings", UNKNOWN_WARNING);
            }
            List<Rule> rules = AllRules.create().stream().filter(r -> Set.of("LG210", "LG216").contains(r.code())).toList();
            int lg210 = 0;
            for (Path layout : layouts) {
                Project project = projects.get(layout);
                List<Finding> findings = new Engine(RuleCatalog.bundled(), 1).run(project, rules).findings();
                List<Map<String, Object>> answers = byLayout.getOrDefault(layout, List.of());
                Set<String> flagged = new TreeSet<>();
                for (Finding f : findings) {
                    if (f.code().equals("LG216")) {
                        flagged.add(f.location().path());
                        continue;
                    }
                    lg210++;
                    String marker = f.message().replaceAll("^marker `([^`]+)`.*", "$1");
                    String file = layout.resolve(f.location().path()).toString();
                    // strict pytest stops a module at its first unknown mark, so an error may name an earlier one
                    boolean seenInPytest = f.severity() == Severity.ERROR
                            ? answers.stream().anyMatch(a -> !names(a, "errors", STRICT_ERROR, file).isEmpty())
                            : answers.stream().anyMatch(a -> reports(a, "warnings", UNKNOWN_WARNING, file, marker));
                    if (!seenInPytest) failures.add(layout.getFileName() + ": LG210 " + f.severity() + " on " + f.location() + " `" + marker
                            + "` but no invocation " + (f.severity() == Severity.ERROR ? "failed collection" : "warned"));
                }
                uncollected += flagged.size();
                Set<String> expected = neverCollected(project, layout, answers);
                if (!expected.equals(flagged)) failures.add(layout.getFileName() + ": LG216 flags " + flagged + " but pytest never collects " + expected);
            }
            System.out.printf("marker/collection oracle, pytest %s: %d layouts, %d invocations, %d strict collection errors, "
                            + "%d unknown-mark warnings, %d LG210 findings, %d LG216 findings, %d disagreements%n",
                    version, LAYOUTS, invocations.size(), strictErrors, warnings, lg210, uncollected, failures.size());
            if (!failures.isEmpty()) {
                fail(failures.size() + " disagreements with pytest " + version + ":\n" + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
            }
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** lintgate's view of one invocation against pytest's; null when they agree. */
    @SuppressWarnings("unchecked")
    private static String compareInvocation(MarkerModel model, Invocation inv, Map<String, Object> answer) {
        if (!"0".equals(String.valueOf(answer.get("exit"))) && !"2".equals(String.valueOf(answer.get("exit")))
                && !"5".equals(String.valueOf(answer.get("exit")))) {
            return "pytest exit " + answer.get("exit") + " " + answer.get("errors");
        }
        PytestRun run = model.config().discovery().run(inv.cwd(), inv.args(), null);
        Set<String> expectedFiles = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Set<String> imported = new TreeSet<>((List<String>) answer.get("items"));
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("errors")) imported.add(String.valueOf(e.get("file")));
        for (String m : model.testModules()) {
            String dir = PytestConfigModel.dirOf(m);
            String abs = inv.layout().resolve(m).toString();
            boolean collected = model.config().collects(run, dir)
                    && NamePatterns.fileMatches(m, MarkerModel.patterns(run, "python_files", NamePatterns.DEFAULT_FILES))
                    && model.definesTests(m, run);
            if (collected) expectedFiles.add(abs);
            if (!collected || !imported.contains(abs)) continue;
            MarkerModel.Registry registry = model.registry(run);
            if (registry.unknownBecause() != null) continue;
            Set<String> unknown = new TreeSet<>();
            Set<String> orderDependent = new TreeSet<>();
            for (PytestMarks.Use use : model.marks(m).orElseThrow().uses()) {
                if (!registry.knows(use.name())) {
                    unknown.add(use.name());
                } else if (registry.names().get(use.name()).stream().allMatch(s -> s.conftestDir() != null
                        && !PytestConfigModel.isUnder(dir, s.conftestDir()))) {
                    orderDependent.add(use.name());
                }
            }
            Set<String> pytestErrors = names(answer, "errors", STRICT_ERROR, abs);
            Set<String> pytestWarnings = names(answer, "warnings", UNKNOWN_WARNING, abs);
            pytestErrors.removeAll(orderDependent);
            pytestWarnings.removeAll(orderDependent);
            if (run.strictMarkers()) {
                boolean agree = unknown.isEmpty() ? pytestErrors.isEmpty() : pytestErrors.size() == 1 && unknown.containsAll(pytestErrors);
                if (!agree) problems.add(m + ": lintgate unknown (strict) " + unknown + ", pytest collection error for " + pytestErrors);
            } else if (!unknown.equals(pytestWarnings)) {
                problems.add(m + ": lintgate unknown (lax) " + unknown + ", pytest warns " + pytestWarnings);
            }
        }
        Set<String> actualFiles = new TreeSet<>(imported);
        actualFiles.remove("");
        if (!expectedFiles.equals(actualFiles)) problems.add("collected: lintgate " + rel(expectedFiles, inv.layout()) + ", pytest " + rel(actualFiles, inv.layout()));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** The runs LG216 considers: the layouts define none besides pytest at the root and beside each config. */
    private static List<PytestRun> starting(Project project) {
        return only(project).definedRuns().runs().stream().map(DefinedRuns.Run::run).toList();
    }

    /** Test modules that none of the starting runs' pytest collected (the layouts define no other runs). */
    @SuppressWarnings("unchecked")
    private static Set<String> neverCollected(Project project, Path layout, List<Map<String, Object>> answers) {
        MarkerModel model = markers(project);
        Set<String> starting = new TreeSet<>();
        for (PytestRun r : starting(project)) starting.add(r.cwd() + "|" + r.args());
        Set<String> collected = new TreeSet<>();
        for (Map<String, Object> a : answers) {
            if (!starting.contains(a.get("key"))) continue;
            collected.addAll((List<String>) a.get("items"));
            // a module whose collection fails was collected too: its tests are reported, as an error
            for (Map<String, Object> e : (List<Map<String, Object>>) a.get("errors")) collected.add(String.valueOf(e.get("file")));
        }
        // the test modules: what some config's python_files names and defines tests (helpers and stray files are not)
        TestCollection tests = only(project).testCollection();
        Set<String> out = new TreeSet<>();
        for (String f : model.testModules()) {
            if (tests.isTestModule(f) && !collected.contains(layout.resolve(f).toString())) out.add(f);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean reports(Map<String, Object> answer, String kind, Pattern pattern, String file, String marker) {
        return names(answer, kind, pattern, file).contains(marker);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> names(Map<String, Object> answer, String kind, Pattern pattern, String file) {
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get(kind)) {
            if (!file.equals(e.get("file"))) continue;
            Matcher m = pattern.matcher(String.valueOf(e.get("text")));
            if (m.find()) out.add(m.group(1));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int count(Map<String, Object> answer, String kind, Pattern pattern) {
        int n = 0;
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get(kind)) {
            if (pattern.matcher(String.valueOf(e.get("text"))).find()) n++;
        }
        return n;
    }

    private static List<String> rel(Set<String> files, Path layout) {
        return files.stream().map(f -> f.startsWith(layout.toString()) ? f.substring(layout.toString().length() + 1) : f).toList();
    }

    private Map<String, Map<String, Object>> runPytest(Path python, Path base, List<Invocation> invocations) throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Invocation inv : invocations) cases.add(CollectProbe.invocation(inv.id(), inv.layout(), inv.cwd(), inv.args(), null));
        Map<String, Map<String, Object>> out = CollectProbe.run(python, base, cases, 5);
        for (Invocation inv : invocations) out.get(inv.id()).put("key", inv.cwd() + "|" + inv.args());
        return out;
    }

    // ---- layouts ----

    /** Each layout pins one pytest, so lintgate models that release alone. */
    private static MarkerModel markers(Project project) {
        return only(project).markers();
    }

    /** The model of the one pytest release a layout pins. */
    static PytestConfigModel only(Project project) {
        List<PytestConfigModel> models = project.fact(PytestVersions.FACT).models();
        assertEquals(1, models.size(), "one pytest release modelled");
        return models.get(0);
    }

    private static Path generate(Path root, Random random, String version) throws IOException {
        Files.createDirectories(root);
        // pytest-asyncio is installed in the oracle's venv, and declared here so that lintgate knows it too
        write(root, "requirements-test.txt", "pytest==" + version + "\npytest-asyncio==1.4.0\n");
        List<String> services = new ArrayList<>(List.of("svc_a", "svc_b"));
        if (random.nextDouble() < 0.8) {
            StringBuilder ini = new StringBuilder("[pytest]\n");
            ini.append(configBody(random));
            if (random.nextDouble() < 0.25) ini.append("testpaths = ").append(services.get(random.nextInt(2))).append('\n');
            if (random.nextDouble() < 0.25) ini.append("norecursedirs = legacy* .*\n");
            if (random.nextDouble() < 0.2) ini.append("python_files = test_*.py check_*.py\n");
            write(root, "pytest.ini", ini.toString());
        }
        double conftest = random.nextDouble();
        if (conftest < 0.3) {
            write(root, "conftest.py", "def pytest_configure(config):\n    config.addinivalue_line(\"markers\", \"db: needs a database\")\n");
        } else if (conftest < 0.6) {
            write(root, "conftest.py", "pytest_plugins = [\"helpers.marks\"]\n");
            write(root, "helpers/__init__.py", "");
            write(root, "helpers/marks.py", "def pytest_configure(config):\n    for name in [\"db\", \"golden_path\"]:\n"
                    + "        config.addinivalue_line(\"markers\", f\"{name}: registered by helpers\")\n");
        }
        for (String svc : services) {
            if (random.nextDouble() < 0.5) write(root, svc + "/pytest.ini", "[pytest]\n" + configBody(random));
            if (random.nextDouble() < 0.3) {
                write(root, svc + "/conftest.py", "def pytest_configure(config):\n    config.addinivalue_line(\"markers\", \"smoke\")\n");
            }
            int files = 1 + random.nextInt(2);
            for (int k = 0; k < files; k++) write(root, svc + "/tests/test_" + svc + "_" + k + ".py", testModule(random));
            if (random.nextDouble() < 0.3) write(root, svc + "/tests/check_" + svc + ".py", testModule(random));
            if (random.nextDouble() < 0.3) write(root, svc + "/legacy_" + svc + "/test_" + svc + "_old.py", testModule(random));
        }
        return root;
    }

    private static String configBody(Random random) {
        StringBuilder b = new StringBuilder();
        List<String> addopts = new ArrayList<>();
        // strictness as each version honours it: the ini keys are unknown (and enforce nothing) before pytest 9
        switch (random.nextInt(5)) {
            case 0, 1 -> addopts.add("--strict-markers");
            case 2 -> b.append("strict_markers = true\n");
            case 3 -> b.append("strict = true\n");
            default -> { }
        }
        if (random.nextDouble() < 0.15) addopts.add("-p no:asyncio");
        if (!addopts.isEmpty()) b.append("addopts = ").append(String.join(" ", addopts)).append('\n');
        List<String> markers = new ArrayList<>();
        for (String m : CONFIG_MARKERS) {
            if (random.nextDouble() < 0.4) markers.add(m);
        }
        if (!markers.isEmpty()) {
            b.append("markers =\n");
            for (String m : markers) b.append("    ").append(m).append(random.nextBoolean() ? ": described\n" : "\n");
        }
        return b.toString();
    }

    private static String testModule(Random random) {
        StringBuilder b = new StringBuilder("import pytest\n\n");
        String form = List.of("decorator", "pytestmark", "param").get(random.nextInt(3));
        String a = USED.get(random.nextInt(USED.size()));
        String c = USED.get(random.nextInt(USED.size()));
        switch (form) {
            case "pytestmark" -> b.append("pytestmark = [pytest.mark.").append(a).append(", pytest.mark.").append(c).append("]\n\n\n")
                    .append("def test_one():\n    pass\n");
            case "param" -> b.append("\n@pytest.mark.parametrize(\"x\", [pytest.param(1, marks=pytest.mark.").append(a).append(")])\n")
                    .append("def test_one(x):\n    pass\n");
            default -> b.append("\n@pytest.mark.").append(a).append("\n@pytest.mark.").append(c).append("\ndef test_one():\n    pass\n");
        }
        return b.toString();
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
