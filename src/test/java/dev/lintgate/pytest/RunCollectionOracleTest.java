package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.TestTrees;
import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proof against real pytest 9.1.1 and 8.4.2, with the plugins real projects declare, that LG216 claims only what is
 * true and finds what it should: for the LG216 fixtures and random repositories (configs with {@code testpaths},
 * {@code norecursedirs} and plugin options in {@code addopts}; Makefile, workflow, tox and nox runs; a suite
 * star-imported from a skipped directory; a test class subclassed from another; helpers and docs examples), every
 * run lintgate considers is run with {@code pytest --collect-only}, and the modules LG216 flags must be exactly the
 * test modules whose tests no run collected, counting a test for the file that defines it. Where a run's paths are
 * computed ({@code $(shell ...)}), LG216 must say nothing.
 */
class RunCollectionOracleTest {

    private static final long SEED = 20260308L;
    private static final int LAYOUTS = 40;
    // fixtures whose every run the local plugins can run (pytest-rerunfailures is not installable here)
    private static final List<String> FIXTURES = List.of("collected-clean", "norecursedirs", "outside-every-run",
            "outside-testpaths", "python-files", "star-import-and-subclass-clean", "xdist-logical-clean");

    @Test
    void pytest911CollectsWhatLintgateSays() throws Exception {
        check("9.1.1");
    }

    @Test
    void pytest842CollectsWhatLintgateSays() throws Exception {
        check("8.4.2");
    }

    private record Invocation(String id, Path layout, String cwd, List<String> args, String env) {
    }

    private void check(String version) throws Exception {
        Path python = PytestVenvs.withPlugins(version);
        Path base = Files.createTempDirectory("lintgate-runs-").toRealPath();
        try {
            List<Path> layouts = new ArrayList<>();
            for (String f : FIXTURES) {
                if (f.equals("xdist-logical-clean") && !version.startsWith("9")) continue;
                Path to = base.resolve("fixture-" + f);
                TestTrees.copy(Path.of("testdata/rules/LG216", f), to);
                layouts.add(to);
            }
            Random random = new Random(SEED);
            for (int i = 0; i < LAYOUTS; i++) layouts.add(generate(base.resolve("layout" + i), random, version));
            Map<Path, Project> projects = new LinkedHashMap<>();
            List<Invocation> invocations = new ArrayList<>();
            int unknown = 0;
            for (Path layout : layouts) {
                Project project = new ProjectLoader(layout, layout).load(List.of("."), null, false);
                projects.put(layout, project);
                TestCollection collection = MarkerCollectionOracleTest.only(project).testCollection();
                if (!collection.unknownRuns().isEmpty()) unknown++;
                int k = 0;
                for (DefinedRuns.Run r : collection.runs()) {
                    PytestRun run = r.run();
                    invocations.add(new Invocation(layout.getFileName() + "#" + k++, layout, run.cwd(), run.args(), run.envAddopts()));
                }
            }
            Map<String, Map<String, Object>> real = runPytest(python, base, invocations);
            assertEquals(invocations.size(), real.size(), "probe answered " + real.size() + " of " + invocations.size());
            Map<Path, Set<String>> collected = new LinkedHashMap<>();
            for (Invocation inv : invocations) {
                Map<String, Object> answer = real.get(inv.id());
                Set<String> files = collected.computeIfAbsent(inv.layout(), x -> new TreeSet<>());
                for (Object d : (List<?>) answer.get("defining")) files.add(relative(inv.layout(), String.valueOf(d)));
            }
            List<Rule> rules = AllRules.create().stream().filter(r -> r.code().equals("LG216")).toList();
            List<String> failures = new ArrayList<>();
            int flaggedTotal = 0;
            for (Path layout : layouts) {
                Project project = projects.get(layout);
                TestCollection collection = MarkerCollectionOracleTest.only(project).testCollection();
                Set<String> flagged = new TreeSet<>();
                for (Finding f : new Engine(RuleCatalog.bundled(), 1).run(project, rules).findings()) flagged.add(f.location().path());
                flaggedTotal += flagged.size();
                if (!collection.unknownRuns().isEmpty()) {
                    if (!flagged.isEmpty()) failures.add(layout.getFileName() + ": LG216 spoke although a run is not understood: " + flagged);
                    continue;
                }
                Set<String> expected = new TreeSet<>();
                for (String m : MarkerCollectionOracleTest.only(project).markers().testModules()) {
                    if (collection.isTestModule(m) && !collected.getOrDefault(layout, Set.of()).contains(m)) expected.add(m);
                }
                if (!expected.equals(flagged)) {
                    failures.add(layout.getFileName() + ": LG216 flags " + flagged + " but the runs' pytest never collects " + expected
                            + " (collected " + collected.get(layout) + ")");
                }
            }
            System.out.printf("run collection oracle, pytest %s with plugins: %d repositories, %d runs, %d with a run not understood, "
                            + "%d LG216 findings, %d disagreements%n", version, layouts.size(), invocations.size(), unknown, flaggedTotal, failures.size());
            if (!failures.isEmpty()) {
                fail(failures.size() + " disagreements with pytest " + version + ":\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
            }
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private Map<String, Map<String, Object>> runPytest(Path python, Path base, List<Invocation> invocations) throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Invocation inv : invocations) cases.add(CollectProbe.invocation(inv.id(), inv.layout(), inv.cwd(), inv.args(), inv.env()));
        return CollectProbe.run(python, base, cases, 10);
    }

    private static String relative(Path layout, String abs) {
        String prefix = layout + "/";
        return abs.startsWith(prefix) ? abs.substring(prefix.length()) : abs;
    }

    // ---- layouts ----

    private static Path generate(Path root, Random random, String version) throws IOException {
        write(root, "requirements-test.txt", "pytest==" + version + "\npytest-xdist\npytest-cov\npytest-timeout\npytest-asyncio\n");
        write(root, "tests/test_a.py", "def test_a():\n    pass\n");
        write(root, "tests/helpers.py", "def make():\n    return 1\n");
        write(root, "integration/test_b.py", "def test_b():\n    pass\n");
        write(root, "legacy_tests/test_c.py", "class TestOld:\n    def test_c(self):\n        pass\n");
        write(root, "docs/examples/test_doc.py", "def test_doc():\n    pass\n");
        write(root, "services/api/tests/test_api.py", "def test_api():\n    pass\n");
        write(root, "src/app/__init__.py", "");
        if (random.nextBoolean()) write(root, "services/api/pytest.ini", "[pytest]\n");
        boolean suite = random.nextBoolean();
        if (suite) {
            write(root, "lib/acme/__init__.py", "");
            write(root, "lib/acme/suite/__init__.py", "from .test_shared import *  # noqa\n");
            write(root, "lib/acme/suite/test_shared.py", "class TestShared:\n    def test_s(self):\n        pass\n");
            if (random.nextBoolean()) write(root, "tests/test_suite.py", "from acme.suite import *  # noqa\n");
        }
        if (random.nextBoolean()) {
            write(root, "examples/versioned/test_versioning.py", "class TestVersioning:\n    def test_v(self):\n        pass\n");
            if (random.nextBoolean()) {
                write(root, "tests/test_examples.py", "from examples.versioned import test_versioning\n\n\n"
                        + "class TestRows(test_versioning.TestVersioning):\n    pass\n");
            }
        }
        List<String> addopts = new ArrayList<>();
        for (List<String> unit : List.of(List.of("-n", "2"), List.of("--dist", "loadgroup"), List.of("--cov", "src"),
                List.of("--timeout", "20"), List.of("-p", "no:asyncio"), List.of("-ra"), List.of("--cov-report", "term"))) {
            if (random.nextInt(3) == 0) addopts.addAll(unit);
        }
        StringBuilder ini = new StringBuilder("[pytest]\n");
        if (!addopts.isEmpty()) ini.append("addopts = ").append(String.join(" ", addopts)).append('\n');
        if (random.nextInt(3) > 0) ini.append("testpaths = tests\n");
        List<String> skip = new ArrayList<>(List.of("legacy_*"));
        if (suite) skip.add("lib");
        if (random.nextBoolean()) skip.add("examples");
        ini.append("norecursedirs = ").append(String.join(" ", skip)).append('\n');
        ini.append("pythonpath = . lib\n");
        write(root, "pytest.ini", ini.toString());
        StringBuilder make = new StringBuilder();
        if (random.nextBoolean()) make.append("integration:\n\tpytest integration -n 2\n");
        if (random.nextBoolean()) make.append("api:\n\tcd services/api && pytest\n");
        if (random.nextInt(4) == 0) make.append("docs:\n\t$(RUN) pytest docs/examples --timeout 10\n");
        // a run whose paths are computed: LG216 must then say nothing at all
        if (random.nextInt(8) == 0) make.append("changed:\n\tpytest $(shell git diff --name-only)\n");
        if (make.length() > 0) write(root, "Makefile", "RUN := python -m\n" + make);
        if (random.nextBoolean()) {
            write(root, ".github/workflows/ci.yml", "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n"
                    + "      matrix:\n        suite: [tests, " + (random.nextBoolean() ? "legacy_tests" : "integration") + "]\n"
                    + "    steps:\n      - uses: actions/checkout@v4\n      - run: pytest ${{ matrix.suite }} -q\n"
                    + (random.nextBoolean() ? "      - run: pytest\n        working-directory: services/api\n" : ""));
        }
        if (random.nextInt(3) == 0) {
            write(root, "tox.ini", "[tox]\nenvlist = py\n\n[testenv]\ndeps = pytest==" + version + "\ncommands =\n    pytest {posargs:integration} --timeout 30\n");
        }
        if (random.nextInt(3) == 0) {
            write(root, "noxfile.py", "import nox\n\n\n@nox.session\ndef docs(session):\n    session.run(\"pytest\", \"docs\", *session.posargs)\n");
        }
        return root;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
