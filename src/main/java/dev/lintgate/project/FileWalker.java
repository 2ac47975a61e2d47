package dev.lintgate.project;

import dev.lintgate.config.IoReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;

/**
 * Lists a project's files the way a developer thinks of them: .gitignore files (nested, with negation) are
 * honoured, tool and environment directories are skipped, and {@code exclude} / {@code extend-exclude} patterns
 * (gitignore syntax, relative to the root) apply on top.
 */
public final class FileWalker {
    public static final Set<String> DEFAULT_EXCLUDES = Set.of(".git", ".hg", ".svn", ".venv", "venv", "env",
            "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".pytest_cache",
            "build", "dist", "site-packages", CacheDirectory.DEFAULT_NAME);

    private final Path root;
    private final IgnoreRules configured;
    private final boolean defaultExcludes;
    private final List<Object> identity;
    /** Set by a walk that meets a symbolic link or an entry it cannot look at ({@link Walk#links}). */
    private final java.util.concurrent.atomic.AtomicBoolean links = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param excludes        patterns from {@code exclude} and {@code extend-exclude}
     * @param defaultExcludes false when {@code exclude} replaces the defaults (ruff's semantics)
     */
    public FileWalker(Path root, List<String> excludes, boolean defaultExcludes) {
        this.root = root;
        this.identity = List.of(root.toString(), List.copyOf(excludes), defaultExcludes);
        this.configured = IgnoreRules.NONE.with("", excludes);
        this.defaultExcludes = defaultExcludes;
    }

    /**
     * What a walk found: the files, relative with {@code /}, sorted; the directories and .gitignore files it could
     * not read, with why; the real path of every file whose name is not ASCII (see {@link FileNames}); the stamp the
     * walk's lstat saw of each file; and a digest of each walked directory's entries ({@link #entryDigest}). The caches
     * trust what an earlier run learnt while these are unchanged. {@code links}: whether the tree holds a symbolic
     * link (or an entry that could not be looked at), whose part of a listing depends on what lies elsewhere.
     */
    public record Walk(List<String> files, Map<String, String> unreadable, Map<String, Path> located,
                       Map<String, Stamp> stamps, Map<String, Long> listings, boolean links) {
    }

    public Path root() {
        return root;
    }

    /** What decides a walk of the same tree: the root, the excludes and whether the default ones apply. */
    public List<Object> identity() {
        return identity;
    }

    /** The files of a walk, for callers that need no more. */
    public List<String> walk() throws IOException {
        return walkAll().files();
    }

    /**
     * Walks the tree. Directories are listed in parallel: a walk is one {@code lstat} per entry, and on a 50,000-file
     * tree a single thread spent most of a second waiting on them before any rule could start. Nothing recurses on
     * the Java stack, so a tree thousands of levels deep is walked like a flat one. Symbolic links, FIFOs and devices
     * are not followed or read (as git does not); a directory below the root that cannot be listed is reported in
     * {@link Walk#unreadable}, the root itself is an error.
     */
    public Walk walkAll() throws IOException {
        Map<String, String> unreadable = new ConcurrentHashMap<>();
        Map<String, Path> located = new ConcurrentHashMap<>();
        Map<String, Stamp> stamps = new ConcurrentHashMap<>();
        Map<String, Long> listings = new ConcurrentHashMap<>();
        links.set(false);
        DirectoryTask top = new DirectoryTask(null, root, "", false, IgnoreRules.NONE, unreadable, located, stamps, listings);
        try {
            ForkJoinPool.commonPool().invoke(top);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> out = new ArrayList<>();
        // depth first, in path order, with a stack of its own
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(top);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof DirectoryTask d) {
                for (int i = d.entries.size() - 1; i >= 0; i--) pending.push(d.entries.get(i));
            } else {
                out.add((String) next);
            }
        }
        return new Walk(out, Collections.unmodifiableMap(new TreeMap<>(unreadable)), Map.copyOf(located), stamps, listings, links.get());
    }

    /**
     * Lists one directory and forks a task per subdirectory without waiting for it: the pool completes the tree
     * (a {@link CountedCompleter}), so no task's stack holds its parent's. The result comes out sorted without sorting
     * the paths: sorting 50,000 full paths, most of them sharing long prefixes, was half of the walk's own Java work.
     * Within a directory the entries are ordered by name, a directory's name taken with its trailing {@code /} (every
     * path inside it continues so), which is the order of the full paths.
     */
    private final class DirectoryTask extends CountedCompleter<Void> {
        private final Path dir;
        private final String rel;             // "" for the root, else "a/b"
        /** True when a name on the way here is not ASCII: the files below are opened through their listed Path. */
        private final boolean listedOnly;
        private final IgnoreRules inherited;
        private final Map<String, String> unreadable;
        private final Map<String, Path> located;
        private final Map<String, Stamp> stamps;
        private final Map<String, Long> listings;
        /** After {@link #compute}, the directory's entries in path order: a file's path, or a subdirectory's task. */
        final List<Object> entries = new ArrayList<>();

        DirectoryTask(DirectoryTask parent, Path dir, String rel, boolean listedOnly, IgnoreRules inherited,
                      Map<String, String> unreadable, Map<String, Path> located, Map<String, Stamp> stamps,
                      Map<String, Long> listings) {
            super(parent);
            this.stamps = stamps;
            this.listings = listings;
            this.dir = dir;
            this.rel = rel;
            this.listedOnly = listedOnly;
            this.inherited = inherited;
            this.unreadable = unreadable;
            this.located = located;
        }

        @Override
        public void compute() {
            List<String> files = new ArrayList<>();
            List<Path> filePaths = new ArrayList<>();
            List<Stamp> fileStamps = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            List<String> dirNames = new ArrayList<>();
            // per entry, whether its name came from its bytes (not ASCII): it is then opened through its listed Path
            List<Boolean> fileListedOnly = new ArrayList<>();
            List<Boolean> dirListedOnly = new ArrayList<>();
            Path gitignore = null;
            long listing = 0;
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path entry : stream) {
                    BasicFileAttributes attrs;
                    try {
                        attrs = Stamp.lstat(entry);
                    } catch (NoSuchFileException e) {
                        continue;   // gone between the listing and the lstat: it is no longer part of the tree
                    } catch (IOException e) {
                        // a path past PATH_MAX (a tree thousands of levels deep): what it is and holds is unknown
                        unreadable.put((rel.isEmpty() ? "" : rel + "/") + FileNames.of(entry), "cannot read the entry: " + IoReason.of(e));
                        listing += entryDigest(entry, null, 0);
                        links.set(true);
                        continue;
                    }
                    Stamp stamp = Stamp.of(attrs);
                    listing += entryDigest(entry, attrs, stamp.mode());
                    if (attrs.isSymbolicLink()) links.set(true);
                    if (attrs.isDirectory() || attrs.isRegularFile()) {
                        String jdkName = entry.getFileName().toString();
                        boolean ascii = FileNames.isAscii(jdkName);
                        String name = ascii ? jdkName : FileNames.of(entry);
                        if (attrs.isDirectory()) {
                            dirs.add(entry);
                            dirNames.add(name);
                            dirListedOnly.add(listedOnly || !ascii);
                        } else {
                            files.add(name);
                            filePaths.add(entry);
                            fileStamps.add(stamp);
                            fileListedOnly.add(listedOnly || !ascii);
                            if (name.equals(".gitignore")) gitignore = entry;
                        }
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                if (rel.isEmpty()) throw new UncheckedIOException(cause);
                // what is inside is unknown, so the run cannot claim to have checked it
                unreadable.put(rel, "cannot list the directory: " + IoReason.of(cause));
                listings.put(rel, UNLISTED);
                tryComplete();
                return;
            }
            listings.put(rel, listing);
            String prefix = rel.isEmpty() ? "" : rel + "/";
            IgnoreRules rules = inherited;
            if (gitignore != null) {
                try {
                    rules = inherited.withGitignore(prefix, Files.readAllBytes(gitignore));
                } catch (IOException e) {
                    unreadable.put(prefix + ".gitignore", "cannot read the file: " + IoReason.of(e));
                }
            }
            // (key, entry) pairs: a file's name, or a directory's name with '/'
            List<Map.Entry<String, Object>> keyed = new ArrayList<>(files.size() + dirs.size());
            for (int i = 0; i < files.size(); i++) {
                String path = prefix + files.get(i);
                if (rules.isIgnored(path, false) || configured.isIgnored(path, false)) continue;
                if (fileListedOnly.get(i)) located.put(path, filePaths.get(i));
                stamps.put(path, fileStamps.get(i));
                keyed.add(Map.entry(files.get(i), path));
            }
            List<DirectoryTask> subtasks = new ArrayList<>();
            for (int i = 0; i < dirs.size(); i++) {
                String name = dirNames.get(i);
                String path = prefix + name;
                if (excludedDirectory(path, name, rules)) continue;
                // the listed Path, not one resolved from the name again: a name that is not valid UTF-8, or not
                // ASCII under the C locale, would not survive the round trip
                DirectoryTask sub = new DirectoryTask(this, dirs.get(i), path, dirListedOnly.get(i), rules, unreadable, located, stamps, listings);
                subtasks.add(sub);
                keyed.add(Map.entry(name + "/", sub));
            }
            keyed.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, Object> e : keyed) entries.add(e.getValue());
            setPendingCount(subtasks.size());
            for (DirectoryTask sub : subtasks) sub.fork();
            tryComplete();
        }
    }

    /** The listing digest of a directory that could not be listed. */
    private static final long UNLISTED = -1;

    /**
     * One entry's part of its directory's listing digest: its name, its kind and mode, and for a symbolic link what
     * it leads to. The digest of a directory is the sum of its entries' parts, independent of the order the system
     * lists them in; it changes when an entry comes, goes, is renamed, changes kind or mode, or a link's target
     * appears or vanishes. Excluded and ignored entries count too: rules look at the disk beside walked files (a
     * module shadowed by a directory, a compiled extension beside a .py).
     */
    private static long entryDigest(Path entry, BasicFileAttributes attrs, int mode) {
        String name = entry.getFileName().toString();
        // lintgate's own cache, which its first run creates: no rule looks at it
        if (name.equals(CacheDirectory.DEFAULT_NAME)) return 0;
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        long kind;
        if (attrs == null) kind = 1;
        else if (attrs.isRegularFile()) kind = 2;
        else if (attrs.isDirectory()) kind = 3;
        else if (attrs.isSymbolicLink()) kind = 4 + linkTarget(entry);
        else kind = 8;
        return mix(h ^ mix(kind << 16 | mode));
    }

    /** 0 for a link to nothing, 1 to a directory, 2 to a file, 3 to something else. */
    private static int linkTarget(Path link) {
        try {
            BasicFileAttributes target = Files.readAttributes(link, BasicFileAttributes.class);
            return target.isDirectory() ? 1 : target.isRegularFile() ? 2 : 3;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** SplitMix64's finaliser: every bit of the input moves about half of the output's. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** True when a root-relative path would be skipped by the excludes (used for {@code --force-exclude}). */
    public boolean isExcluded(String relativePath) {
        String[] parts = relativePath.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(parts[i]);
            if (defaultExcludes && DEFAULT_EXCLUDES.contains(parts[i])) return true;
            if (configured.isIgnored(prefix.toString(), true)) return true;
        }
        return configured.isIgnored(relativePath, false);
    }

    private boolean excludedDirectory(String rel, String name, IgnoreRules rules) {
        if (defaultExcludes && DEFAULT_EXCLUDES.contains(name)) return true;
        if (rules != null && rules.isIgnored(rel, true)) return true;
        return configured.isIgnored(rel, true);
    }
}
