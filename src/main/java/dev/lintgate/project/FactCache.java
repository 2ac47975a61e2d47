package dev.lintgate.project;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One survey's per-file verdicts kept between runs in the cache directory ({@link CacheDirectory}): which sets of
 * words a file holds none of, each set named by a hash of its words, so that a run need not read again a file that
 * did not change to learn what an earlier run learnt. An entry holds for the file's path, size and modification time
 * as the walk's lstat saw them (no second stat); where the stamp is {@link Stamp#ambiguous} at
 * the run's start, a later write in the same clock tick could keep it, so the entry also holds a hash of the content
 * and is trusted only when the content still has it (as ruff does). The file is a {@link CacheFile} keyed by
 * lintgate's build and the settings the verdicts depend on besides the words.
 */
public final class FactCache {
    /** A cache that holds nothing and keeps nothing: {@code --no-cache}, or no usable directory. */
    public static final FactCache NONE = new FactCache(null, null, "", 0, Map.of());

    private static final int MAGIC = 0x4C474643;   // "LGFC"
    private static final int FORMAT = 3;

    /** @param absent the digests of the word sets the file holds none of, newest first */
    private record Entry(Stamp stamp, boolean hashed, long hash, long[] absent) {
        boolean lacks(long words) {
            for (long w : absent) {
                if (w == words) return true;
            }
            return false;
        }
    }

    /** Word sets remembered per file: the first round's, and those of later rounds and of earlier settings. */
    private static final int MAX_WORD_SETS = 8;

    private final Project project;
    private final Path file;
    private final String key;
    private final long runStart;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final java.util.Set<String> stale = ConcurrentHashMap.newKeySet();
    private volatile boolean changed;

    private FactCache(Project project, Path file, String key, long runStart, Map<String, Entry> previous) {
        this.project = project;
        this.file = file;
        this.key = key;
        this.runStart = runStart;
        this.previous = previous;
    }

    /**
     * The verdicts stored in {@code file} for this key (lintgate's build and the survey's other settings), or none when the
     * file is missing, damaged or made for another key.
     */
    static FactCache open(Project project, Path file, String key, long runStartNanos) {
        long start = project.timings().startWall();
        FactCache cache = new FactCache(project, file, key, runStartNanos, read(file, key));
        project.timings().stopWall("cache " + file.getFileName() + ": read (wall)", start);
        return cache;
    }

    /** The file as the walk saw it; null when the cache is off or a content stands in for the file on disk. */
    public Stamp stamp(String relativePath) {
        return file == null ? null : project.stamp(relativePath);
    }

    /**
     * True when an earlier run found that the file, as it is now, holds none of the words of the set {@code words}
     * ({@link #words}). {@code content} is read only for an entry whose timestamp was ambiguous; the entry then counts
     * only if the content is the one hashed.
     */
    public boolean lacks(String relativePath, Stamp stamp, long words, Supplier<byte[]> content) {
        Entry e = valid(relativePath, stamp, content);
        return e != null && e.lacks(words);
    }

    /** Records that the file, as {@code stamp} shows it, holds no word of the set; {@code content} was read after it. */
    public void recordLacks(String relativePath, Stamp stamp, byte[] content, long words) {
        if (file == null || stamp == null) return;
        current.compute(relativePath, (path, old) -> {
            if (old != null && old.stamp.equals(stamp)) {
                if (old.lacks(words)) return old;
                changed = true;
                long[] more = java.util.Arrays.copyOf(old.absent, Math.min(old.absent.length + 1, MAX_WORD_SETS));
                // the newest set first; the oldest falls off when the settings changed often
                System.arraycopy(old.absent, 0, more, 1, more.length - 1);
                more[0] = words;
                return new Entry(old.stamp, old.hashed, old.hash, more);
            }
            changed = true;
            boolean ambiguous = stamp.ambiguous(runStart);
            return new Entry(stamp, ambiguous, ambiguous ? ContentHash.of(content) : 0, new long[] {words});
        });
    }

    /** The entry of the file as it is now, checked against the disk once per run; null when there is none. */
    private Entry valid(String relativePath, Stamp stamp, Supplier<byte[]> content) {
        Entry known = current.get(relativePath);
        if (known != null) return stamp != null && known.stamp.equals(stamp) ? known : null;
        if (stale.contains(relativePath)) return null;
        Entry e = previous.get(relativePath);
        if (e == null) return null;
        boolean same = stamp != null && e.stamp.equals(stamp);
        if (same && e.hashed) {
            byte[] bytes = content.get();
            same = bytes != null && ContentHash.of(bytes) == e.hash;
        }
        if (!same) {
            // the file changed: its old verdicts go, and this run may record new ones
            stale.add(relativePath);
            changed = true;
            return null;
        }
        Entry raced = current.putIfAbsent(relativePath, e);
        return raced != null ? raced : e;
    }

    /** A digest of a set of words, naming it in {@link #lacks} and {@link #recordLacks}. */
    public static long words(java.util.Collection<String> words) {
        return ContentHash.of(String.join("\n", new java.util.TreeSet<>(words)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the verdicts of the files still in the project (those not consulted this run are carried over as they
     * were), if any changed. A failure to write costs the next run its cache, never this run.
     */
    public void save(Collection<String> files) {
        if (file == null) return;
        if (!changed && files.size() >= previous.size()) {
            int kept = 0;
            for (String f : files) if (previous.containsKey(f)) kept++;
            if (kept == previous.size()) return;   // no file came or went that the cache holds
        }
        long start = project.timings().startWall();
        Map<String, Entry> out = new java.util.TreeMap<>();
        for (String f : files) {
            Entry e = current.get(f);
            if (e == null && !stale.contains(f)) e = previous.get(f);
            if (e != null) out.put(f, e);
        }
        project.timings().stopWall("cache " + file.getFileName() + ": keep (wall)", start);
        project.writeCacheBeside(() -> write(out));
    }

    private void write(Map<String, Entry> out) {
        long start = project.timings().startWall();
        new CacheFile(file, MAGIC, FORMAT, key).write(data -> {
            data.writeInt(out.size());
            for (Map.Entry<String, Entry> each : out.entrySet()) {
                Entry e = each.getValue();
                CacheFile.writeString(data, each.getKey());
                e.stamp.write(data);
                data.writeBoolean(e.hashed);
                data.writeLong(e.hash);
                data.writeByte(e.absent.length);
                for (long w : e.absent) data.writeLong(w);
            }
        });
        project.timings().stopWall("cache " + file.getFileName() + ": write (wall)", start);
    }

    private static Map<String, Entry> read(Path file, String key) {
        if (file == null) return Map.of();
        return new CacheFile(file, MAGIC, FORMAT, key).read(in -> {
            int n = CacheFile.readCount(in);
            Map<String, Entry> entries = new java.util.HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                String path = CacheFile.readString(in);
                Stamp s = Stamp.read(in);
                boolean hashed = in.readBoolean();
                long hash = in.readLong();
                long[] absent = new long[in.readUnsignedByte()];
                for (int w = 0; w < absent.length; w++) absent[w] = in.readLong();
                entries.put(path, new Entry(s, hashed, hash, absent));
            }
            return entries;
        }).orElse(Map.of());
    }

    /** A stable digest of settings, for {@link #open}'s key. */
    public static String digest(String settings) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
