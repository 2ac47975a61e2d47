package dev.lintgate.engine;

import dev.lintgate.project.CacheFile;
import dev.lintgate.project.ContentHash;
import dev.lintgate.project.FactCache;
import dev.lintgate.project.Project;
import dev.lintgate.project.Stamp;
import dev.lintgate.rules.Rule;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run's result kept with what it was computed from, so that a run over an unchanged project prints it again
 * without checking anything (as ruff and mypy answer a re-run from their caches). The key is lintgate's build, the
 * project root, the bytes of the settings file, the rules that run and the files reported on; the inputs are the
 * stamp of every walked file, a digest of every walked directory's entries (which covers what rules learn from the
 * disk beside the walked files: a shadowing directory, a compiled extension) and the content hash of every file the
 * run read. A later run whose walk sees the same inputs gets the kept result. A file whose stamp changed while its
 * bytes did not (a touched file) is read and hashed, and then still counts as unchanged (the result is kept again
 * with the new stamps once more than {@link #COMPARED_BEFORE_REWRITE} files needed it); one whose stamp was
 * ambiguous when the result was kept ({@link Stamp#ambiguous}) is always compared by its bytes. Anything else that
 * differs, a file more or less, a changed setting, makes the run check the project as if there were no cache, and
 * keep what it finds. A run that replaces a file's content (standard input, fix passes) neither replays nor keeps.
 */
public final class ResultCache {
    private static final int MAGIC = 0x4C475243;   // "LGRC"
    private static final int FORMAT = 1;
    /** Results kept per project root: one per set of files reported on and settings, the least recent dropped. */
    private static final int KEPT = 8;
    private static final ResultCache NONE = new ResultCache(null, null);

    private final Project project;
    private final CacheFile file;
    /** What the file held for this key, valid or not: the content hashes of files whose stamps still match carry over. */
    private Kept previous;
    /** Files a replay read to compare their bytes (touched, or kept with an ambiguous stamp). */
    private int compared;
    /**
     * A replay that had to read more files than this keeps the result again with their new stamps; below it, the
     * next run reads them again (a touched file costs one read per run until the next checking run).
     */
    private static final int COMPARED_BEFORE_REWRITE = 32;

    private record Entry(String path, Stamp stamp, boolean hashed, long hash, boolean verify) {
    }

    private record Extra(String path, long hash) {
    }

    private record Kept(List<Entry> files, Map<String, Long> listings, List<Extra> extras, Engine.Result result) {
    }

    private ResultCache(Project project, CacheFile file) {
        this.project = project;
        this.file = file;
    }

    /** The result cache of a run of {@code rules} over the project; one that holds and keeps nothing without a cache. */
    static ResultCache of(Project project, List<Rule> rules) {
        if (project.replacesContent()) return NONE;
        String key = key(project, rules);
        // named for the build too: two builds used on one project (a pinned hook, a newer CI) keep a result each
        return project.cacheFile("results-" + FactCache.digest(project.cacheBuild() + "\n" + key).substring(0, 12), MAGIC, FORMAT, key)
                // a cache kept in the project root itself changes the root's listing with every run
                .filter(f -> !f.path().getParent().toAbsolutePath().normalize().equals(project.root()))
                .map(f -> new ResultCache(project, f)).orElse(NONE);
    }

    private static String key(Project project, List<Rule> rules) {
        StringBuilder key = new StringBuilder("root ").append(project.root());
        Path settings = project.config().source();
        key.append("\nsettings ").append(settings == null ? "-" : settings + " " + fileDigest(settings));
        if (settings != null) key.append("\nbeside them ").append(fileDigest(settings.resolveSibling("pyproject.toml")));
        key.append("\nrules");
        rules.stream().map(Rule::code).sorted().forEach(c -> key.append(' ').append(c));
        // the order of a set does not matter: a sum of the paths' digests, without sorting 50,000 paths
        long targets = 0;
        for (String t : project.targets()) targets += ContentHash.of(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        key.append("\ntargets ").append(project.targets().size()).append(' ').append(targets);
        return key.toString();
    }

    private static String fileDigest(Path file) {
        try {
            return Long.toHexString(ContentHash.of(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return "none";
        }
    }

    /** The kept result, when every input of it is as it was; empty otherwise. */
    Optional<Engine.Result> replay(Set<String> scope) {
        if (file == null) return Optional.empty();
        long start = project.timings().startWall();
        previous = file.read(in -> read(in, scope)).orElse(null);
        boolean valid = previous != null && unchanged(previous);
        project.timings().stopWall("results cache: read and compare (wall)", start);
        if (!valid) return Optional.empty();
        project.reportOn(scope);
        // rewriting a whole-tree result costs more than reading a few files again: only when many were
        if (compared > COMPARED_BEFORE_REWRITE) keep(previous.result);
        return Optional.of(previous.result);
    }

    /** Keeps the result of this run for the next, unless something it read was written to while it ran. */
    void keep(Engine.Result result) {
        if (file == null || !project.steady()) return;
        long start = project.timings().startWall();
        Map<String, Entry> before = new HashMap<>();
        if (previous != null) for (Entry e : previous.files) before.put(e.path, e);
        List<Entry> files = new ArrayList<>(project.files().size());
        for (String path : project.files()) {
            Stamp stamp = project.stamp(path);
            // a named file the walk did not see (an ignored file named on the command line) has no stamp to compare
            if (stamp == null) return;
            OptionalLong hash = project.contentHash(path);
            Entry old = before.get(path);
            if (hash.isEmpty() && old != null && old.hashed && !old.verify && old.stamp.equals(stamp)) {
                hash = OptionalLong.of(old.hash);   // not read this run, unchanged since it was
            }
            files.add(new Entry(path, stamp, hash.isPresent(), hash.orElse(0), stamp.ambiguous(project.runStart())));
        }
        List<Extra> extras = new ArrayList<>();
        for (String path : project.filesRead()) {
            if (project.stamp(path) != null) continue;
            OptionalLong hash = project.contentHash(path);
            if (hash.isEmpty()) return;
            extras.add(new Extra(path, hash.getAsLong()));
        }
        Map<String, Long> listings = new TreeMap<>(listings());
        project.timings().stopWall("results cache: keep (wall)", start);
        project.writeCacheBeside(() -> write(files, listings, extras, result));
    }

    private void write(List<Entry> files, Map<String, Long> listings, List<Extra> extras, Engine.Result result) {
        long start = project.timings().startWall();
        file.write(out -> {
            out.writeInt(files.size());
            for (Entry e : files) {
                CacheFile.writeString(out, e.path);
                e.stamp.write(out);
                out.writeByte((e.hashed ? 1 : 0) | (e.verify ? 2 : 0));
                out.writeLong(e.hash);
            }
            out.writeInt(listings.size());
            for (Map.Entry<String, Long> l : listings.entrySet()) {
                CacheFile.writeString(out, l.getKey());
                out.writeLong(l.getValue());
            }
            out.writeInt(extras.size());
            for (Extra x : extras) {
                CacheFile.writeString(out, x.path);
                out.writeLong(x.hash);
            }
            ResultFormat.write(out, result);
        });
        dropLeastRecent();
        project.timings().stopWall("results cache: write (wall)", start);
    }

    private static Kept read(DataInputStream in, Set<String> scope) throws IOException {
        int n = CacheFile.readCount(in);
        List<Entry> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String path = CacheFile.readString(in);
            Stamp stamp = Stamp.read(in);
            int flags = in.readUnsignedByte();
            files.add(new Entry(path, stamp, (flags & 1) != 0, in.readLong(), (flags & 2) != 0));
        }
        n = CacheFile.readCount(in);
        Map<String, Long> listings = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) listings.put(CacheFile.readString(in), in.readLong());
        n = CacheFile.readCount(in);
        List<Extra> extras = new ArrayList<>(n);
        for (int i = 0; i < n; i++) extras.add(new Extra(CacheFile.readString(in), in.readLong()));
        return new Kept(files, listings, extras, ResultFormat.read(in, scope));
    }

    /**
     * The walk's directory listings but those of the cache directory, when it lies inside the project under another
     * name than the skipped {@code .lintgate_cache} ({@code --cache-dir}): each run writes there.
     */
    private Map<String, Long> listings() {
        Path dir = file.path().getParent().toAbsolutePath().normalize();
        if (!dir.startsWith(project.root())) return project.listings();
        String rel = project.root().relativize(dir).toString().replace('\\', '/');
        // the default .lintgate_cache is not walked: nothing to take out, and no copy of 10,000 listings to make
        if (!project.listings().containsKey(rel)) return project.listings();
        Map<String, Long> out = new HashMap<>(project.listings());
        out.keySet().removeIf(d -> d.equals(rel) || d.startsWith(rel + "/"));
        return out;
    }

    /** True when the walk saw what the kept result came from; a file whose stamp changed is compared by its bytes. */
    private boolean unchanged(Kept kept) {
        if (kept.files.size() != project.stamps().size() || !kept.listings.equals(listings())) return false;
        for (Entry e : kept.files) {
            Stamp now = project.stamp(e.path);
            if (now == null) return false;
            boolean same = now.equals(e.stamp);
            if (same && (!e.verify || !e.hashed)) continue;   // an ambiguous stamp matters only for what was read
            if (!e.hashed || !sameContent(e.path, e.hash)) return false;
            compared++;
        }
        for (Extra x : kept.extras) {
            if (!sameContent(x.path, x.hash)) return false;
        }
        return true;
    }

    private boolean sameContent(String path, long hash) {
        project.bytes(path);
        OptionalLong now = project.contentHash(path);
        return now.isPresent() && now.getAsLong() == hash;
    }

    /** Deletes this root's least recently written results beyond {@link #KEPT}. */
    private void dropLeastRecent() {
        Path dir = file.path().getParent();
        String name = file.path().getFileName().toString();
        String suffix = name.substring(name.lastIndexOf('-'));   // "-<root digest>.bin"
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> mine = new ArrayList<>(s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("results-") && n.endsWith(suffix);
            }).toList());
            if (mine.size() <= KEPT) return;
            Map<Path, Long> written = new HashMap<>();
            for (Path p : mine) written.put(p, lastModified(p));
            mine.sort(java.util.Comparator.comparing(written::get));
            for (Path p : mine.subList(0, mine.size() - KEPT)) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // a cache directory that cannot be tidied only holds more files
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
