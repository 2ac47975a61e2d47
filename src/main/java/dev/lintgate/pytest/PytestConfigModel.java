package dev.lintgate.pytest;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.environment.Environment;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
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
 * The repository's pytest configuration as one pytest release sees it, shared by the LG2xx rules: every config file
 * and what this release makes of it, which files are dead, what a bare {@code pytest} at the root uses, and for every
 * test directory the configs that can govern it (its nearest config when run with its path; the config of each
 * ancestor directory pytest may be started from, when that run collects the directory). It covers only the
 * directories whose environment admits this release ({@link PytestVersions}): their configs, and the runs started
 * in them; rules ask each modelled release in turn ({@code rules.PerPytestVersion}).
 */
public final class PytestConfigModel {

    /** lintgate options (keys of {@code [tool.lintgate]} / lintgate.toml) this model reads. */
    public static final String OPTION_VERSION = "pytest-version";
    public static final String OPTION_PLUGINS = "pytest-plugins";
    public static final String OPTION_INI_KEYS = "pytest-ini-keys";
    public static final String OPTION_CONSISTENT = "consistent-options";

    private static final List<String> DEFAULT_NORECURSE =
            List.of("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}");

    private final ProjectModel project;
    private final PytestVersion version;
    private final PytestVersions versions;
    private final Discovery discovery;
    private final List<PytestConfigFile> candidates = new ArrayList<>();
    private final Map<String, PytestRun> runs = new ConcurrentHashMap<>();
    // per test directory: LG202, LG205 and the marker model ask about the same directories
    private final Map<String, PytestRun> runsWithPath = new ConcurrentHashMap<>();
    private final Map<String, List<PytestRun>> governing = new ConcurrentHashMap<>();
    private final Map<String, InstalledPlugins> plugins = new ConcurrentHashMap<>();
    private final Map<String, Boolean> asyncioUsed = new ConcurrentHashMap<>();
    private final List<String> testDirs;
    private List<PytestConfigFile> liveConfigs;
    private MarkerModel markers;
    private DefinedRuns definedRuns;
    private TestCollection testCollection;

    PytestConfigModel(ProjectModel project, PytestVersion version, PytestVersions versions, Discovery.Files files) {
        this.project = project;
        this.version = version;
        this.versions = versions;
        this.discovery = new Discovery(FileTree.of(project), version, files,
                CommandLineOptions.of(version).with(project.fact(DeclaredOptions.FACT)),
                PytestConfigFile.tomlReadOnPython(project.config().targetMinor()));
        for (String f : project.files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (ConfigKind.ofFileName(name).isPresent() && admits(dirOf(f))) {
                discovery.file(f).ifPresent(candidates::add);
            }
        }
        Set<String> dirs = new HashSet<>();
        for (String f : project.pythonFiles()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if ((name.startsWith("test_") && name.endsWith(".py")) || name.endsWith("_test.py")) {
                dirs.add(dirOf(f));
            }
        }
        this.testDirs = dirs.stream().sorted().toList();
    }

    /** Whether pytest started in {@code dir} may be this release: the directory's environment admits it. */
    public boolean admits(String dir) {
        return versions.admits(dir, version);
    }

    /** Every release modelled in the project, and per directory which. */
    public PytestVersions versions() {
        return versions;
    }

    /** The markers and collection as this release sees them; built on first use. */
    public synchronized MarkerModel markers() {
        if (markers == null) markers = new MarkerModel(project, this);
        return markers;
    }

    /** The pytest runs the repository defines that this release runs; built on first use. */
    public synchronized DefinedRuns definedRuns() {
        if (definedRuns == null) definedRuns = new DefinedRuns(project, this);
        return definedRuns;
    }

    /** Which test modules those runs collect; built on first use. */
    public synchronized TestCollection testCollection() {
        if (testCollection == null) testCollection = new TestCollection(project, this);
        return testCollection;
    }

    private static final Triggers ASYNCIO_WORDS = new Triggers(List.of("pytest_asyncio", "mark.asyncio"));

    private boolean detectAsyncio(String dir) {
        Optional<PluginCatalog.Plugin> plugin = PluginCatalog.plugin("pytest-asyncio");
        Environment.Presence presence = plugins(dir).presence(plugin.orElseThrow());
        if (presence == Environment.Presence.ABSENT) return false;
        if (presence == Environment.Presence.DECLARED) return true;
        for (PytestConfigFile f : candidates) {
            PytestConfigFile.Load l = f.load(version);
            if (l.options().keySet().stream().anyMatch(k -> k.startsWith("asyncio_"))) return true;
            if (l.option("addopts").map(o -> o.text().contains("--asyncio-mode")).orElse(false)) return true;
        }
        // every Python file may be read here: a byte-level scan on all cores, stopping at the first hit
        return project.pythonFiles().parallelStream()
                .anyMatch(f -> project.bytes(f).map(ASYNCIO_WORDS::foundIn).orElse(false));
    }

    public PytestVersion version() {
        return version;
    }

    public Discovery discovery() {
        return discovery;
    }

    /** Every file with one of pytest's config names, in path order, whatever it holds. */
    public List<PytestConfigFile> candidates() {
        return List.copyOf(candidates);
    }

    public PytestConfigFile.Load load(PytestConfigFile f) {
        return f.load(version);
    }

    /** The sibling that wins over {@code f} in its directory, when both hold pytest config. */
    public Optional<PytestConfigFile> shadowedBy(PytestConfigFile f) {
        if (load(f).status() != PytestConfigFile.Status.CONFIG) return Optional.empty();
        List<ConfigKind> order = ConfigKind.searchOrder(version);
        Optional<ConfigKind> kind = ConfigKind.ofFileName(f.fileName());
        if (kind.isEmpty() || !order.contains(kind.get())) return Optional.empty();
        String dir = dirOf(f.path());
        for (ConfigKind k : order) {
            if (k == kind.get()) return Optional.empty();
            Optional<PytestConfigFile> s = discovery.file(join(dir, k.fileName()));
            if (s.isPresent() && load(s.get()).status() == PytestConfigFile.Status.CONFIG) return s;
        }
        return Optional.empty();
    }

    /**
     * Why a file with a pytest config name is never used as the config, if it is not: a sibling wins, or the
     * modelled pytest does not read files of that name. Empty for live configs, for files without pytest config
     * and for files that stop pytest (those are LG206/LG207 findings, not dead files).
     */
    public Optional<String> deadReason(PytestConfigFile f) {
        Optional<ConfigKind> kind = ConfigKind.ofFileName(f.fileName());
        if (kind.isPresent() && !ConfigKind.searchOrder(version).contains(kind.get())) {
            return Optional.of("pytest " + version + " never reads " + f.fileName());
        }
        return shadowedBy(f).map(w -> "shadowed by " + w.displayPath() + " in the same directory");
    }

    /**
     * Config files some invocation uses: they hold pytest config, this version reads their name, no sibling wins, and
     * their directory's environment admits this version.
     */
    public synchronized List<PytestConfigFile> liveConfigs() {
        if (liveConfigs == null) liveConfigs = findLiveConfigs();
        return liveConfigs;
    }

    private List<PytestConfigFile> findLiveConfigs() {
        List<ConfigKind> order = ConfigKind.searchOrder(version);
        // candidates are those of the directories that admit this version
        return candidates.stream()
                .filter(f -> load(f).status() == PytestConfigFile.Status.CONFIG)
                .filter(f -> ConfigKind.ofFileName(f.fileName()).map(order::contains).orElse(false))
                .filter(f -> shadowedBy(f).isEmpty())
                .toList();
    }

    /** {@code cd dir && pytest}, with no arguments. */
    public PytestRun runFrom(String dir) {
        return runs.computeIfAbsent(dir, d -> discovery.run(d, List.of(), null));
    }

    /** {@code pytest dir} from the repository root. */
    public PytestRun runWithPath(String dir) {
        return runsWithPath.computeIfAbsent(dir, d -> discovery.run("", List.of(d), null));
    }

    /** A bare {@code pytest} at the repository root. */
    public PytestRun rootRun() {
        return runFrom("");
    }

    /** The run that uses a live config: started in its directory. */
    public PytestRun runFor(PytestConfigFile f) {
        return runFrom(dirOf(f.path()));
    }

    /** Directories holding test modules ({@code test_*.py}, {@code *_test.py}). */
    public List<String> testDirs() {
        return testDirs;
    }

    /**
     * The runs that can govern the tests of {@code dir}: {@code pytest dir} from the root, and {@code pytest} in
     * each ancestor whose run collects {@code dir}. Distinct by config file; runs that abort are left out.
     */
    public List<PytestRun> governing(String dir) {
        return governing.computeIfAbsent(dir, this::findGoverning);
    }

    private List<PytestRun> findGoverning(String dir) {
        Map<String, PytestRun> byConfig = new LinkedHashMap<>();
        List<PytestRun> candidatesRuns = new ArrayList<>();
        candidatesRuns.add(dir.isEmpty() ? discovery.run("", List.of(), null) : runWithPath(dir));
        List<String> ancestors = discovery.tree().selfAndAncestors(dir);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            String a = ancestors.get(i);
            PytestRun r = runFrom(a);
            if (collects(r, dir)) candidatesRuns.add(r);
        }
        for (PytestRun r : candidatesRuns) {
            if (r.error().isPresent() || !admits(r.cwd())) continue;
            byConfig.putIfAbsent(r.configFile().map(PytestConfigFile::path).orElse(""), r);
        }
        return List.copyOf(byConfig.values());
    }

    /** Whether the run (its collection roots, minus norecursedirs) walks into {@code dir}. */
    public boolean collects(PytestRun run, String dir) {
        if (run.error().isPresent()) return false;
        List<String> patterns = run.patterns("norecursedirs", DEFAULT_NORECURSE);
        for (String root : run.collectionRoots()) {
            // a test file given as a root collects only itself: it governs its own directory
            String base = discovery.tree().isFile(root) ? dirOf(root) : root;
            if (discovery.tree().isFile(root) && !dir.equals(base)) continue;
            if (!isUnder(dir, base)) continue;
            String rest = base.isEmpty() ? dir : dir.equals(base) ? "" : dir.substring(base.length() + 1);
            if (rest.isEmpty() || !anyPartMatches(rest, patterns)) return true;
        }
        return false;
    }

    /**
     * Whether the run imports the file as a test module: it is one of the run's paths (pytest imports a file it is
     * given whatever its name), or it is below one of them, in no directory {@code norecursedirs} skips, and
     * {@code python_files} matches its name. {@code orAmbiguous} also counts the paths the run has if an unknown
     * option takes no value. {@code --ignore} and conftest {@code collect_ignore} are not applied: they only ever
     * collect less.
     */
    public boolean collectsFile(PytestRun run, String file, boolean orAmbiguous) {
        if (namesFile(run, file, orAmbiguous)) return true;
        return reachesDirectory(run, dirOf(file), orAmbiguous)
                && NamePatterns.fileMatches(file, run.patterns("python_files", NamePatterns.DEFAULT_FILES));
    }

    /** Whether the file is one of the run's paths. */
    public boolean namesFile(PytestRun run, String file, boolean orAmbiguous) {
        if (run.error().isPresent()) return false;
        return run.collectionRoots().contains(file) || (orAmbiguous && run.ambiguousRoots().contains(file));
    }

    /** Whether the run's recursion reaches the directory: below one of its directory paths, past no norecursedirs. */
    public boolean reachesDirectory(PytestRun run, String dir, boolean orAmbiguous) {
        if (run.error().isPresent()) return false;
        List<String> skip = run.patterns("norecursedirs", DEFAULT_NORECURSE);
        for (List<String> roots : orAmbiguous ? List.of(run.collectionRoots(), run.ambiguousRoots()) : List.of(run.collectionRoots())) {
            for (String root : roots) {
                if (!isUnder(dir, root) || discovery.tree().isFile(root)) continue;
                String rest = root.isEmpty() ? dir : dir.equals(root) ? "" : dir.substring(root.length() + 1);
                if (rest.isEmpty() || !anyPartMatches(rest, skip)) return true;
            }
        }
        return false;
    }

    private static boolean anyPartMatches(String path, List<String> patterns) {
        for (String part : path.split("/")) {
            for (String p : patterns) {
                if (fnmatch(part, p)) return true;
            }
        }
        return false;
    }

    static boolean isUnder(String dir, String base) {
        return base.isEmpty() || (dir.startsWith(base) && (dir.length() == base.length() || dir.charAt(base.length()) == '/'));
    }

    /** Python's fnmatch for the simple patterns norecursedirs uses: *, ?, [seq]. */
    static boolean fnmatch(String name, String pattern) {
        return Glob.matches(name, pattern);
    }

    /** The plugins of the environment pytest runs in when started in {@code dir}. */
    public InstalledPlugins plugins(String dir) {
        Environment env = versions.environment(dir);
        return plugins.computeIfAbsent(env.root(), r -> new InstalledPlugins(env, stringList(OPTION_PLUGINS)));
    }

    /**
     * Whether pytest-asyncio is in use where pytest starts in {@code dir}: its environment declares it, or (when
     * that is unknown) a config sets its options or a Python file names it. Never when the environment does not
     * install it. May read every Python file, so it is decided when first asked.
     */
    public boolean asyncioUsed(String dir) {
        String root = versions.environment(dir).root();
        Boolean known = asyncioUsed.get(root);
        if (known != null) return known;
        boolean used = detectAsyncio(dir);
        asyncioUsed.put(root, used);
        return used;
    }

    /** The keys pytest and the plugins this run can load register, with their getini types. */
    public Map<String, String> knownKeys(PytestRun run) {
        Map<String, String> known = new LinkedHashMap<>(PluginCatalog.coreKeys(version));
        Set<String> blocked = new LinkedHashSet<>(run.fullArgs() == null ? List.of() : run.fullArgs().blockedPlugins());
        InstalledPlugins installed = plugins(run.cwd());
        for (PluginCatalog.Plugin p : PluginCatalog.PLUGINS) {
            if (installed.mayBeInstalled(p) && !blocked.contains(p.pluginName())) known.putAll(p.iniKeys());
        }
        for (String k : stringList(OPTION_INI_KEYS)) known.putIfAbsent(k, "string");
        return known;
    }

    /** The option keys LG202 compares; "strictness" stands for the effective strict markers/config pair. */
    public List<String> consistentOptions() {
        List<String> configured = stringList(OPTION_CONSISTENT);
        if (!configured.isEmpty() || project.config().ruleOptions().containsKey(OPTION_CONSISTENT)) return configured;
        return List.of("asyncio_mode", "asyncio_default_fixture_loop_scope", "asyncio_default_test_loop_scope", "strictness");
    }

    private List<String> stringList(String key) {
        ConfigValue v = project.config().ruleOptions().get(key);
        if (v == null || !(v.value() instanceof List<?> l)) return List.of();
        return l.stream().map(String::valueOf).toList();
    }

    /** Where a finding about the file's pytest config as a whole goes: its section header, else line 1. */
    public dev.lintgate.finding.Location sectionLocation(PytestConfigFile f) {
        return f.at(load(f).section());
    }

    /** How people name the part of the file pytest reads: "[tool.pytest.ini_options] in pyproject.toml". */
    public String describe(PytestConfigFile f) {
        PytestConfigFile.Load l = load(f);
        String section = switch (f.fileName()) {
            case "pyproject.toml" -> l.mode() == PytestOption.Mode.TOML ? "[tool.pytest]" : "[tool.pytest.ini_options]";
            case "setup.cfg" -> "[tool:pytest]";
            default -> "[pytest]";
        };
        return section + " in " + f.displayPath();
    }

    public ProjectModel project() {
        return project;
    }

    static String dirOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
