package dev.lintgate.project;

import dev.lintgate.config.LintgateConfig;
import dev.lintgate.engine.Timings;
import dev.lintgate.finding.Notification;
import dev.lintgate.python.ModuleNames;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.PythonFiles;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The project model of one run. Thread-safe: rules run on several threads. */
public final class Project implements ProjectModel {
    private final Path root;
    private final LintgateConfig config;
    private final List<String> files;
    private final List<String> pythonFiles;
    private final Set<String> targets;
    private final String settingsFile;
    private final List<Notification> notifications;
    private final Map<String, String> moduleIndex;
    /** Module to its stub, for the modules whose source has one beside it. */
    private final Map<String, String> stubIndex;
    private final Map<String, SoftReference<PythonFile>> parsed = new ConcurrentHashMap<>();
    private final Map<Fact<?>, Object> facts = new ConcurrentHashMap<>();
    private volatile Timings timings = Timings.OFF;

    /**
     * @param files   every walked file, sorted
     * @param targets the files findings may be reported on, kept as given and not copied: the loader builds the set
     *                once, since hashing 50,000 paths again at start-up (before any JIT) costs tens of milliseconds
     * @param settingsFile  the lintgate settings file of the run, relative to the root, or null when it has none
     *                      below the root
     * @param notifications what loading the project has to tell about its files
     */
    public Project(Path root, LintgateConfig config, List<String> files, Set<String> targets, String settingsFile,
                   List<Notification> notifications) {
        this.root = root;
        this.config = config;
        this.files = List.copyOf(files);
        this.pythonFiles = files.stream().filter(Project::isPython).toList();
        this.targets = targets;
        this.settingsFile = settingsFile;
        this.notifications = List.copyOf(notifications);
        Map<String, String> index = new HashMap<>();
        Map<String, String> stubs = new HashMap<>();
        for (String f : pythonFiles) {
            String module = ModuleNames.moduleName(f, config.src());
            if (module == null) continue;
            // a .py beats a .pyi stub of the same name: the stub never runs
            if (!index.containsKey(module) || f.endsWith(".py")) index.put(module, f);
            if (f.endsWith(".pyi")) stubs.put(module, f);
        }
        stubs.entrySet().removeIf(e -> !e.getValue().equals(index.get(e.getKey()) + "i"));
        this.moduleIndex = Collections.unmodifiableMap(index);
        this.stubIndex = Collections.unmodifiableMap(stubs);
    }

    /** Where the timings of facts and scans go ({@code LINTGATE_TIMING}); off unless set. */
    public void timings(Timings timings) {
        this.timings = timings;
    }

    public Timings timings() {
        return timings;
    }

    public static boolean isPython(String path) {
        return path.endsWith(".py") || path.endsWith(".pyi");
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public LintgateConfig config() {
        return config;
    }

    @Override
    public List<String> files() {
        return files;
    }

    @Override
    public List<String> pythonFiles() {
        return pythonFiles;
    }

    @Override
    public Set<String> moduleNames() {
        return moduleIndex.keySet();
    }

    /** The files named on the command line (all when a directory holding the root is); the engine widens them. */
    @Override
    public Set<String> targets() {
        return targets;
    }

    /** The run's lintgate settings file relative to the root, when it lies below the root. */
    public Optional<String> settingsFile() {
        return Optional.ofNullable(settingsFile);
    }

    public List<Notification> notifications() {
        return notifications;
    }

    @Override
    public Optional<PythonFile> python(String relativePath) {
        if (!isPython(relativePath)) return Optional.empty();
        PythonFile cached = cached(relativePath);
        if (cached != null) return Optional.of(cached);
        Optional<byte[]> bytes = bytes(relativePath);
        return bytes.map(b -> parse(relativePath, b));
    }

    /** Like {@link #python(String)} for bytes the caller already read, so a file is read from disk once. */
    public PythonFile parse(String relativePath, byte[] content) {
        PythonFile cached = cached(relativePath);
        if (cached != null) return cached;
        PythonFile file = scan(relativePath, content);
        parsed.put(relativePath, new SoftReference<>(file));
        return file;
    }

    /**
     * Scanned files are shared by rules and facts, but a run over a large repository must not keep every one:
     * soft references let the collector take them back under memory pressure, and a later use scans again.
     */
    private PythonFile cached(String relativePath) {
        SoftReference<PythonFile> ref = parsed.get(relativePath);
        return ref == null ? null : ref.get();
    }

    private PythonFile scan(String rel, byte[] content) {
        return PythonFiles.parse(rel, ModuleNames.moduleName(rel, config.src()), ModuleNames.isPackage(rel), content,
                () -> bytes(rel).orElse(new byte[0]));
    }

    @Override
    public Optional<String> moduleFile(String moduleName) {
        return Optional.ofNullable(moduleIndex.get(moduleName));
    }

    @Override
    public Optional<String> stubFile(String moduleName) {
        return Optional.ofNullable(stubIndex.get(moduleName));
    }

    @Override
    public Optional<byte[]> bytes(String relativePath) {
        try {
            return Optional.of(Files.readAllBytes(absolute(relativePath)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public Path absolute(String relativePath) {
        return root.resolve(relativePath);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T fact(Fact<T> fact) {
        // not computeIfAbsent: a fact may ask for other facts, and ConcurrentHashMap forbids recursive updates
        Object value = facts.get(fact);
        if (value == null) {
            synchronized (fact) {
                value = facts.get(fact);
                if (value == null) {
                    // wall time: a fact may compute on several threads, and rules wait for it
                    long start = timings.startWall();
                    value = fact.compute().apply(this);
                    timings.stopWall("fact " + fact.name() + " (wall)", start);
                    facts.put(fact, value);
                }
            }
        }
        return (T) value;
    }
}
