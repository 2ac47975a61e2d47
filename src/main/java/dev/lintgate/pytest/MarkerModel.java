package dev.lintgate.pytest;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Definition;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.python.PythonFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Markers and collection on top of the configuration model, shared by LG210–LG216: which runs collect a test
 * module, which markers each run registers (builtins, its config's {@code markers}, declared plugins, and
 * {@code addinivalue_line} in the conftests it loads and the first-party modules they pull in), and why a run
 * passes a test module by ({@link TestCollection} decides which modules no run collects). A run whose registry
 * cannot be known statically says why, and the rules stay silent for it.
 */
public final class MarkerModel {

    /**
     * Where a marker name comes from, in words ("`markers` in pytest.ini", "pytest-asyncio", a conftest's path);
     * {@code conftestDir} is set for registrations made by a conftest's hooks.
     */
    public record Source(String what, Location location, String conftestDir) {
    }

    /** The markers a run knows when it imports test modules; {@code unknownBecause} is set when that is not knowable. */
    public record Registry(Map<String, List<Source>> names, String unknownBecause) {
        public boolean knows(String name) {
            return names.containsKey(name);
        }
    }

    private final ProjectModel project;
    private final PytestConfigModel config;
    private final MarkScans scans;
    private final Map<String, Registry> registries = new ConcurrentHashMap<>();
    private final Map<String, List<String>> loaded = new ConcurrentHashMap<>();
    private final Map<PytestRun, Registry> registryOf = new ConcurrentHashMap<>();
    private final Map<String, List<PytestRun>> runsByDir = new ConcurrentHashMap<>();
    private final List<String> conftests = new ArrayList<>();
    private final List<String> conftestDirs;
    private final List<String> testModules = new ArrayList<>();
    private final Object scanLock = new Object();
    private boolean scanned;
    private volatile List<String> reported;

    MarkerModel(ProjectModel project, PytestConfigModel config) {
        this.project = project;
        this.config = config;
        this.scans = project.fact(MarkScans.FACT);
        Set<String> filePatterns = new LinkedHashSet<>(NamePatterns.DEFAULT_FILES);
        for (PytestConfigFile f : config.liveConfigs()) filePatterns.addAll(patterns(config.runFor(f), "python_files", NamePatterns.DEFAULT_FILES));
        List<String> filePatternList = List.copyOf(filePatterns);
        for (String f : project.pythonFiles()) {
            if (!f.endsWith(".py")) continue;
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (name.equals("conftest.py")) {
                conftests.add(f);
            } else if (!name.equals("__init__.py") && NamePatterns.fileMatches(f, filePatternList)) {
                testModules.add(f);
            }
        }
        this.conftestDirs = conftests.stream().map(PytestConfigModel::dirOf).toList();
    }

    public PytestConfigModel config() {
        return config;
    }

    /** Python files some config's {@code python_files} (or pytest's default) matches; conftests excluded. */
    public List<String> testModules() {
        return testModules;
    }

    /**
     * The test modules whose findings the run reports ({@link ProjectModel#reportsOn}): every one in a full run, the
     * named ones when pre-commit names a few. Rules that judge each module on its own iterate these.
     */
    public List<String> reportedTestModules() {
        List<String> out = reported;
        if (out == null) {
            out = testModules.stream().filter(project::reportsOn).toList();
            reported = out;
        }
        return out;
    }

    public List<String> conftests() {
        return conftests;
    }

    /**
     * Whether a conftest or plugin module in the module's top-level directory implements {@code pytest_pyfunc_call}:
     * it may run coroutines itself (IPython's conftest and trio's test plugin do), so async tests need no plugin.
     */
    public boolean customTestRunner(String module) {
        String top = module.contains("/") ? module.substring(0, module.indexOf('/') + 1) : "";
        return scans.pyfuncCallHooks().stream().anyMatch(h -> h.startsWith(top));
    }

    /**
     * Scans the test modules the run reports on ({@link #reportedTestModules}) on every core: the rules then read them
     * from the cache. Once: rules that ask while the scan runs wait for it (two parallel scans of the same modules
     * would spin on each other's entries).
     */
    public void scanTestModules() {
        synchronized (scanLock) {
            if (scanned) return;
            reportedTestModules().parallelStream().forEach(this::marks);
            scanned = true;
        }
    }

    /** The token-level mark facts of a Python file; empty when it cannot be read. */
    public Optional<PytestMarks> marks(String path) {
        return scans.marks(path);
    }

    /**
     * The runs that import this test module: a bare {@code pytest} at the root, {@code pytest DIR} from the root, and
     * a bare {@code pytest} in each directory in between, when they collect it. Unlike
     * {@link PytestConfigModel#governing}, runs with the same config file stay apart when they load different
     * conftests (without a config file every run has the same "config" but its own rootdir and confcutdir).
     */
    public List<PytestRun> runsCollecting(String module) {
        List<PytestRun> all = runsByDir.computeIfAbsent(PytestConfigModel.dirOf(module), this::runsFor);
        List<PytestRun> out = new ArrayList<>(all.size());
        for (PytestRun r : all) {
            if (NamePatterns.fileMatches(module, patterns(r, "python_files", NamePatterns.DEFAULT_FILES))) out.add(r);
        }
        // the runs of a directory usually all collect the module: share their list
        return out.size() == all.size() ? all : out;
    }

    private List<PytestRun> runsFor(String dir) {
        List<PytestRun> candidates = new ArrayList<>();
        candidates.add(config.rootRun());
        if (!dir.isEmpty()) candidates.add(config.runWithPath(dir));
        List<String> ancestors = config.discovery().tree().selfAndAncestors(dir);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            if (!ancestors.get(i).isEmpty()) candidates.add(config.runFrom(ancestors.get(i)));
        }
        Map<RunIdentity, PytestRun> distinct = new LinkedHashMap<>();
        for (PytestRun r : candidates) {
            if (r.error().isPresent() || !config.admits(r.cwd()) || !config.collects(r, dir)) continue;
            distinct.putIfAbsent(new RunIdentity(configName(r), r.strictMarkers(), loadedConftests(r)), r);
        }
        return List.copyOf(distinct.values());
    }

    /** What makes two runs register the same markers for a directory's modules. */
    private record RunIdentity(String config, boolean strictMarkers, List<String> conftests) {
    }

    /** Whether the run looks for pytest's default test names: it then collects a module exactly when it defines tests at all. */
    public static boolean defaultTestNames(PytestRun run) {
        return patterns(run, "python_functions", NamePatterns.DEFAULT_FUNCTIONS).equals(NamePatterns.DEFAULT_FUNCTIONS)
                && patterns(run, "python_classes", NamePatterns.DEFAULT_CLASSES).equals(NamePatterns.DEFAULT_CLASSES);
    }

    /**
     * Why {@code run} does not collect the module's tests, as what the run does ("collects only [tests]", "skips
     * it: ..."): a message puts the run in front.
     */
    public String explainUncollected(PytestRun run, String module) {
        if (run.error().isPresent()) return "stops before collecting (" + run.error().get() + ")";
        String dir = PytestConfigModel.dirOf(module);
        String where = " (" + configName(run) + ")";
        FileTree tree = config.discovery().tree();
        boolean covered = run.collectionRoots().stream().anyMatch(r -> !tree.isFile(r) && PytestConfigModel.isUnder(dir, r));
        if (!covered) {
            List<String> shown = run.collectionRoots().stream().map(r -> r.isEmpty() ? "." : r).toList();
            boolean testpaths = run.fullArgs() != null && run.fullArgs().positional().isEmpty() && run.value("testpaths").isPresent()
                    && run.cwd().equals(run.rootdir());
            return "collects only " + shown + (testpaths ? " (`testpaths` in " + configName(run) + ")" : "");
        }
        if (!config.collects(run, dir)) return "skips it: `norecursedirs` matches a directory on its path" + where;
        List<String> files = patterns(run, "python_files", NamePatterns.DEFAULT_FILES);
        if (!NamePatterns.fileMatches(module, files)) return "skips it: its name does not match `python_files` " + files + where;
        return "finds no test in it: none of its functions or classes match `python_functions`/`python_classes`" + where;
    }

    /** Whether the module holds functions or methods the run's {@code python_functions}/{@code python_classes} collect. */
    public boolean definesTests(String module, PytestRun run) {
        List<String> functions = run == null ? NamePatterns.DEFAULT_FUNCTIONS : patterns(run, "python_functions", NamePatterns.DEFAULT_FUNCTIONS);
        List<String> classes = run == null ? NamePatterns.DEFAULT_CLASSES : patterns(run, "python_classes", NamePatterns.DEFAULT_CLASSES);
        Optional<PythonFile> file = project.python(module);
        if (file.isEmpty()) return false;
        for (Definition d : file.get().definitions()) {
            if (d.kind() != Definition.Kind.FUNCTION || !NamePatterns.nameMatches(d.name(), functions)) continue;
            if (d.moduleLevel()) return true;
            String q = d.qualifiedName();
            int dot = q.indexOf('.');
            // a method of a top-level class: a python_classes match, or a unittest.TestCase (any name)
            if (dot > 0 && q.indexOf('.', dot + 1) < 0 && (NamePatterns.nameMatches(q.substring(0, dot), classes) || d.name().startsWith("test"))) return true;
        }
        return false;
    }

    /** How a user starts this run: "when run from the repository root", "when run as `pytest svc/tests`". */
    public String invocation(PytestRun run) {
        if (!run.args().isEmpty()) return "when run as `pytest " + String.join(" ", run.args()) + "`";
        if (run.cwd().isEmpty()) return "when run from the repository root";
        return "when run as `cd " + run.cwd() + " && pytest`";
    }

    /** The run's config file for messages: "pytest.ini", or "no config file". */
    public String configName(PytestRun run) {
        return run.configFile().map(PytestConfigFile::displayPath).orElse("no config file");
    }

    public Registry registry(PytestRun run) {
        // by identity first: the rules ask once per mark use, and building the key costs more than the lookup
        return registryOf.computeIfAbsent(run, r -> registries.computeIfAbsent(key(r), k -> build(r)));
    }

    private static String key(PytestRun run) {
        return run.cwd() + "\u0000" + String.join("\u0000", run.args());
    }

    private Registry build(PytestRun run) {
        Map<String, List<Source>> names = new LinkedHashMap<>();
        List<String> blocked = run.fullArgs() == null ? List.of() : run.fullArgs().blockedPlugins();
        for (String m : PluginCatalog.CORE_MARKERS) {
            if (m.equals("filterwarnings") && blocked.contains("warnings")) continue;
            add(names, m, new Source("pytest itself", null, null));
        }
        if (run.fullArgs() != null && run.fullArgs().plugins().contains("pytester")) {
            add(names, "pytester_example_path", new Source("pytester", null, null));
        }
        try {
            Optional<PytestOption> option = run.configFile().flatMap(f -> config.load(f).option("markers"));
            for (String line : run.markerLines()) {
                Location at = option.map(o -> o.valueLocation() != null ? o.valueLocation() : o.keyLocation()).orElse(null);
                add(names, MarkerLine.name(line), new Source("`markers` in " + configName(run), at, null));
            }
        } catch (PytestRun.TypeMismatch e) {
            return new Registry(names, "pytest cannot read its `markers` option");
        }
        InstalledPlugins installed = config.plugins(run.cwd());
        for (PluginCatalog.Plugin p : PluginCatalog.PLUGINS) {
            if (!installed.mayBeInstalled(p) || blocked.contains(p.pluginName())) continue;
            for (String m : p.markers()) add(names, m, new Source(p.distribution(), null, null));
        }
        Optional<String> unknown = installed.unknownBecause();
        if (unknown.isPresent()) return new Registry(names, unknown.get());
        List<String> why = new ArrayList<>();
        if (run.fullArgs() != null) {
            for (String p : run.fullArgs().plugins()) {
                if (p.startsWith("no:") || p.equals("pytester")) continue;
                Optional<PluginCatalog.Plugin> known = PluginCatalog.PLUGINS.stream().filter(c -> c.pluginName().equals(p)).findFirst();
                if (known.isPresent()) {
                    for (String m : known.get().markers()) add(names, m, new Source(known.get().distribution(), null, null));
                } else {
                    follow(p, null, names, new HashSet<>(), why, "-p " + p);
                }
            }
        }
        for (String c : loadedConftests(run)) {
            followFile(c, PytestConfigModel.dirOf(c), names, new HashSet<>(), why);
        }
        return new Registry(names, why.isEmpty() ? null : why.get(0));
    }

    /**
     * The conftests the run imports: those from the confcutdir (the config file's directory, else the rootdir) down
     * to each collection root, and those in every directory it collects. Conftests above the confcutdir never load.
     */
    public List<String> loadedConftests(PytestRun run) {
        return loaded.computeIfAbsent(key(run), k -> findLoadedConftests(run));
    }

    private List<String> findLoadedConftests(PytestRun run) {
        String cut = run.configFile().map(f -> PytestConfigModel.dirOf(f.path())).orElse(run.rootdir() == null ? "" : run.rootdir());
        List<String> bases = run.collectionRoots().stream()
                .map(root -> config.discovery().tree().isFile(root) ? PytestConfigModel.dirOf(root) : root).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < conftests.size(); i++) {
            String c = conftests.get(i);
            String dir = conftestDirs.get(i);
            if (!PytestConfigModel.isUnder(dir, cut)) continue;
            boolean onRootPath = false;
            boolean underRoot = false;
            for (String base : bases) {
                if (PytestConfigModel.isUnder(base, dir)) onRootPath = true;
                if (PytestConfigModel.isUnder(dir, base)) underRoot = true;
            }
            // collects() is only asked about directories below a collection root: in a monorepo most are not
            if (onRootPath || (underRoot && config.collects(run, dir))) out.add(c);
        }
        return out;
    }

    private void follow(String module, String conftestDir, Map<String, List<Source>> names, Set<String> seen, List<String> why, String how) {
        Optional<String> file = project.moduleFile(module);
        if (file.isPresent()) {
            followFile(file.get(), conftestDir, names, seen, why);
        } else {
            why.add(how + " loads `" + module + "`, which is not part of the project");
        }
    }

    private void followFile(String path, String conftestDir, Map<String, List<Source>> names, Set<String> seen, List<String> why) {
        if (!seen.add(path)) return;
        Optional<PytestMarks> marks = marks(path);
        if (marks.isEmpty()) return;
        PytestMarks m = marks.get();
        if (m.dynamicRegistration()) why.add(path + " registers a marker whose name is computed");
        if (m.dynamicPlugins()) why.add(path + " computes `pytest_plugins`");
        for (PytestMarks.Registration r : m.registrations()) {
            add(names, MarkerLine.name(r.line()), new Source(path, new Location(path, r.region()), conftestDir));
        }
        for (String plugin : m.pytestPlugins()) follow(plugin, conftestDir, names, seen, why, path + " (pytest_plugins)");
        // a hook imported into the conftest runs as the conftest's own hook
        for (ImportBinding b : project.python(path).map(PythonFile::imports).orElse(List.of())) {
            if (b.target() == null || b.inFunction()) continue;
            if (b.isStar() || "pytest_configure".equals(b.name())) {
                String module = b.isStar() ? b.target().substring(0, b.target().length() - 2) : b.target().substring(0, b.target().lastIndexOf('.'));
                project.moduleFile(module).ifPresent(f -> followFile(f, conftestDir, names, seen, why));
            }
        }
    }

    private static void add(Map<String, List<Source>> names, String name, Source source) {
        names.computeIfAbsent(name, k -> new ArrayList<>()).add(source);
    }

    static List<String> patterns(PytestRun run, String key, List<String> defaults) {
        return run.patterns(key, defaults);
    }
}
