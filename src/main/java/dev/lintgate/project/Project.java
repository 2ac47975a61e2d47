package dev.lintgate.project;

import dev.lintgate.config.LintgateConfig;
import dev.lintgate.engine.Timings;
import dev.lintgate.finding.Notification;
import dev.lintgate.python.ModuleNames;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.PythonFiles;
import dev.lintgate.config.IoReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    /** Module to its file, and module to its stub where the source has one beside it: built at first use. */
    private volatile Modules modules;

    private record Modules(Map<String, String> files, Map<String, String> stubs) {
    }
    private final Map<String, SoftReference<PythonFile>> parsed = new ConcurrentHashMap<>();
    private final Map<Fact<?>, Object> facts = new ConcurrentHashMap<>();
    /** Files and directories that could not be read, with why: from the walk, then from every failed read. */
    private final Map<String, String> unreadable;
    /** The files some read opened and read whole. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    /** The real path of each file whose name is not ASCII (see FileNames); the rest resolve from the root. */
    private final Map<String, Path> located;
    private volatile Timings timings = Timings.OFF;
    /**
     * Contents that stand for files on disk: an editor's unsaved buffer ({@code --stdin-filename}), what earlier passes
     * of {@code check --fix} made of a file.
     */
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    /** The files findings are reported on, once the engine has widened the targets; null: every file. */
    private volatile Set<String> reported;

    /**
     * @param files   every walked file, sorted
     * @param targets the files findings may be reported on, kept as given and not copied: the loader builds the set
     *                once, since hashing 50,000 paths again at start-up (before any JIT) costs tens of milliseconds
     * @param settingsFile  the lintgate settings file of the run, relative to the root, or null when it has none
     *                      below the root
     * @param notifications what loading the project has to tell about its files
     * @param walk          what the walk saw: what it could not read, the listed path of each file whose name is not
     *                      ASCII, each file's stamp and each directory's listing
     */
    public Project(Path root, LintgateConfig config, List<String> files, Set<String> targets, String settingsFile,
                   List<Notification> notifications, FileWalker.Walk walk) {
        this.root = root;
        this.stamps = walk.stamps();
        this.listings = walk.listings();
        this.unreadable = new ConcurrentHashMap<>(walk.unreadable());
        this.located = walk.located();
        this.config = config;
        this.files = List.copyOf(files);
        this.pythonFiles = files.stream().filter(Project::isPython).toList();
        this.targets = targets;
        this.settingsFile = settingsFile;
        this.notifications = List.copyOf(notifications);
    }

    /**
     * The module index, built at its first use rather than at loading: a run that replays a kept result
     * ({@code ResultCache}) never needs it, and on 10,000 modules it costs tens of milliseconds before any JIT.
     */
    private Modules modules() {
        Modules m = modules;
        if (m != null) return m;
        synchronized (this) {
            if (modules == null) {
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
                modules = new Modules(Collections.unmodifiableMap(index), Collections.unmodifiableMap(stubs));
            }
            return modules;
        }
    }

    private final Map<String, Stamp> stamps;
    private final Map<String, Long> listings;
    /** The {@link ContentHash} of what this run read of each file on disk. */
    private final Map<String, Long> contentHashes = new ConcurrentHashMap<>();
    /** Files read twice in this run with different contents: written to while the run read them. */
    private final Set<String> unsteady = ConcurrentHashMap.newKeySet();
    private volatile Path cacheDirectory;
    private volatile String build = "";
    private volatile long runStart;

    /**
     * Keeps the per-file facts of this run in {@code directory} for the next ({@link FactCache}); without this call
     * a run keeps none. {@code build} names lintgate's build: a cache made by another is discarded.
     */
    public void cacheIn(Path directory, String build, long runStartEpochNanos) {
        this.cacheDirectory = directory;
        this.build = build;
        this.runStart = runStartEpochNanos;
    }

    /** The cache of one survey's verdicts, whose validity depends on {@code settings}; {@link FactCache#NONE} without a cache. */
    public FactCache factCache(String name, String settings) {
        Path dir = cacheDirectory;
        if (dir == null) return FactCache.NONE;
        return FactCache.open(this, cachePath(dir, name), build + "\n" + FactCache.digest(settings), runStart);
    }

    /**
     * A file of this project's cache, named {@code name}, made for {@code key} and this build of lintgate; empty
     * without a cache.
     */
    public Optional<CacheFile> cacheFile(String name, int magic, int format, String key) {
        Path dir = cacheDirectory;
        if (dir == null) return Optional.empty();
        return Optional.of(new CacheFile(cachePath(dir, name), magic, format, build + "\n" + key));
    }

    /** One file per project root: a --cache-dir or LINTGATE_CACHE_DIR shared by several projects keeps each apart. */
    private Path cachePath(Path dir, String name) {
        return dir.resolve(name + "-" + FactCache.digest(root.toString()).substring(0, 16) + ".bin");
    }

    private final List<Thread> cacheWrites = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Writes a cache file on a thread of its own, beside the rest of the run (a whole-tree result of 36,000 findings
     * takes about 90 ms to write, about what printing it takes); {@link #finishCacheWrites} waits for it. A write
     * never fails the run, not even with an Error.
     */
    public void writeCacheBeside(Runnable write) {
        Thread t = new Thread(() -> {
            try {
                write.run();
            } catch (Throwable e) {
                // the next run checks instead of replaying: nothing about the cache fails a run
            }
        }, "lintgate-cache-writer");
        cacheWrites.add(t);
        t.start();
    }

    /** Waits until the cache writes started by {@link #writeCacheBeside} are on disk. */
    public void finishCacheWrites() {
        boolean interrupted = false;
        for (Thread t : cacheWrites) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        cacheWrites.clear();
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The build of lintgate every cache file of this run is made for ("" without a cache). */
    public String cacheBuild() {
        return build;
    }

    /** When the run started, in nanoseconds since the epoch (0 without a cache): a file changed later is ambiguous. */
    public long runStart() {
        return runStart;
    }

    /**
     * The stamp the walk saw of a file; null when it did not see it or a content stands in for the file on disk
     * (standard input, a fix pass).
     */
    public Stamp stamp(String relativePath) {
        return replaced.containsKey(relativePath) ? null : stamps.get(relativePath);
    }

    /** The stamp of every walked file. */
    public Map<String, Stamp> stamps() {
        return Collections.unmodifiableMap(stamps);
    }

    /** False when some file was read twice in this run with different contents. */
    public boolean steady() {
        return unsteady.isEmpty();
    }

    /** The digest of each walked directory's entries ({@link FileWalker.Walk#listings}). */
    public Map<String, Long> listings() {
        return listings;
    }

    /**
     * The {@link ContentHash} of each file this run read from disk; empty for a file read twice with different
     * contents (written to during the run), since what the run concluded from it belongs to neither.
     */
    public java.util.OptionalLong contentHash(String relativePath) {
        Long h = contentHashes.get(relativePath);
        return h == null || unsteady.contains(relativePath) ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(h);
    }

    /** The files this run read from disk (recorded only when it has a cache). */
    public Set<String> filesRead() {
        return java.util.Collections.unmodifiableSet(contentHashes.keySet());
    }

    /** True when some content stands in for a file on disk (standard input, a fix pass). */
    public boolean replacesContent() {
        return !replaced.isEmpty();
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
        return modules().files().keySet();
    }

    /** The files named on the command line (all when a directory holding the root is); the engine widens them. */
    @Override
    public Set<String> targets() {
        return targets;
    }

    /** Sets the files findings are reported on (the engine's target scope), before any rule runs. */
    public void reportOn(Set<String> scope) {
        this.reported = scope;
    }

    @Override
    public boolean reportsOn(String relativePath) {
        Set<String> scope = reported;
        return scope == null || scope.contains(relativePath);
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
        return Optional.ofNullable(modules().files().get(moduleName));
    }

    @Override
    public Optional<String> stubFile(String moduleName) {
        return Optional.ofNullable(modules().stubs().get(moduleName));
    }

    /**
     * A file's bytes, at most {@code max-file-size} of them. A file that cannot be read is remembered with why
     * ({@link #unreadable}): the run did not check it, and LG003 or a notification says so.
     */
    @Override
    public Optional<byte[]> bytes(String relativePath) {
        byte[] given = replaced.get(relativePath);
        if (given != null) {
            read.add(relativePath);
            return Optional.of(given);
        }
        try {
            byte[] bytes = read(absolute(relativePath), config.maxFileSize());
            if (cacheDirectory != null) {
                // only a run that keeps its result needs to know what it read (ResultCache)
                long hash = ContentHash.of(bytes);
                Long before = contentHashes.putIfAbsent(relativePath, hash);
                if (before != null && before != hash) unsteady.add(relativePath);
            }
            read.add(relativePath);
            return Optional.of(bytes);
        } catch (IOException | RuntimeException e) {
            rememberUnreadable(relativePath, e);
        }
        return Optional.empty();
    }

    private void rememberUnreadable(String relativePath, Exception e) {
        String why;
        if (e instanceof TooLarge) why = "not read: " + e.getMessage();
        else if (e instanceof IOException io) why = "cannot read the file: " + IoReason.of(io);
        else why = "cannot read the file: " + e.getMessage(); // a name the file system cannot take (InvalidPathException)
        unreadable.putIfAbsent(relativePath, why);
    }

    private static final class TooLarge extends IOException {
        TooLarge(long size, long max) {
            super(String.format(java.util.Locale.ROOT, "it holds %,d bytes, more than max-file-size (%,d)", size, max));
        }
    }

    /** Reads a whole file unless it holds more than {@code max} bytes. Like Files.readAllBytes, one copy at most. */
    private static byte[] read(Path file, long max) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > max) throw new TooLarge(size, max);
            byte[] buffer = new byte[(int) size];
            int n = 0;
            while (n < buffer.length) {
                int r = channel.read(ByteBuffer.wrap(buffer, n, buffer.length - n));
                if (r < 0) return Arrays.copyOf(buffer, n);
                n += r;
            }
            // the size was a first guess: a file may grow while it is read
            ByteBuffer one = ByteBuffer.allocate(1);
            if (channel.read(one) < 0) return buffer;
            java.io.ByteArrayOutputStream more = new java.io.ByteArrayOutputStream(buffer.length * 2 + 1);
            more.write(buffer, 0, n);
            more.write(one.array(), 0, 1);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (int r; (r = channel.read(chunk.clear())) >= 0; ) {
                more.write(chunk.array(), 0, r);
                if (more.size() > max) throw new TooLarge(more.size(), max);
            }
            return more.toByteArray();
        }
    }

    /** Every read of the file, by every rule, gets {@code content} instead of what is on disk. */
    public void replaceContent(String relativePath, byte[] content) {
        replaced.put(relativePath, content.clone());
    }

    /** True when some read opened the file and read it whole. */
    public boolean wasRead(String relativePath) {
        return read.contains(relativePath);
    }

    /**
     * Opens a file no rule read, to learn whether it could have been: it exists, it may be read, it is within
     * {@code max-file-size}. A failure is remembered as a failed read is.
     */
    public void tryRead(String relativePath) {
        try (SeekableByteChannel channel = Files.newByteChannel(absolute(relativePath))) {
            long size = channel.size();
            if (size > config.maxFileSize()) throw new TooLarge(size, config.maxFileSize());
            read.add(relativePath);
        } catch (IOException | RuntimeException e) {
            rememberUnreadable(relativePath, e);
        }
    }

    /** What could not be read, sorted by path: directories the walk could not list, files no read could open. */
    public Map<String, String> unreadable() {
        return new TreeMap<>(unreadable);
    }

    @Override
    public Path absolute(String relativePath) {
        Path listed = located.get(relativePath);
        return listed != null ? listed : root.resolve(relativePath);
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
