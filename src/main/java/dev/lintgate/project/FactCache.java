package dev.lintgate.project;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * One survey's per-file verdicts kept between runs in the cache directory ({@link CacheDirectory}): which sets of
 * words a file holds none of, each set named by a hash of its words, so that a run need not read again a file that
 * did not change to learn what an earlier run learnt. An entry holds for the file's path, size and modification time
 * as the walk's lstat saw them (no second stat); where the modification time lies within {@link #AMBIGUOUS_NANOS} of
 * the run's start, a later write in the same clock tick could keep it, so the entry also holds a hash of the content
 * and is trusted only when the content still has it (as ruff does). The file starts with a header (format,
 * lintgate's build, the settings the verdicts depend on besides the words) and ends with a checksum: a damaged,
 * truncated or foreign file is discarded, never trusted. It is replaced whole (temporary file and rename), so
 * concurrent runs leave one of their files, never a mixture.
 */
public final class FactCache {
    /** A cache that holds nothing and keeps nothing: {@code --no-cache}, or no usable directory. */
    public static final FactCache NONE = new FactCache(null, null, "", 0, Map.of());

    private static final int MAGIC = 0x4C474643;   // "LGFC"
    private static final int FORMAT = 2;
    /** Coarser than any file system's timestamps that lintgate meets (FAT: 2 s). */
    static final long AMBIGUOUS_NANOS = 2_000_000_000L;

    /** What a file looked like when its verdict was taken: its size and modification time, in nanoseconds. */
    public record Stamp(long size, long modified) {
        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }

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
            boolean ambiguous = stamp.modified() >= runStart - AMBIGUOUS_NANOS;
            return new Entry(stamp, ambiguous, ambiguous ? hash(content) : 0, new long[] {words});
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
            same = bytes != null && hash(bytes) == e.hash;
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
        return hash(String.join("\n", new java.util.TreeSet<>(words)).getBytes(StandardCharsets.UTF_8));
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
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + out.size() * 64);
            DataOutputStream data = new DataOutputStream(buffer);
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeUTF(key);
            data.writeInt(out.size());
            for (Map.Entry<String, Entry> each : out.entrySet()) {
                Entry e = each.getValue();
                data.writeUTF(each.getKey());
                data.writeLong(e.stamp.size());
                data.writeLong(e.stamp.modified());
                data.writeBoolean(e.hashed);
                data.writeLong(e.hash);
                data.writeByte(e.absent.length);
                for (long w : e.absent) data.writeLong(w);
            }
            data.flush();
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            data.writeLong(crc.getValue());
            data.flush();
            byte[] bytes = buffer.toByteArray();
            CacheDirectory.prepare(file.getParent());
            AtomicReplace.replace(file, false, o -> o.write(bytes));
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: the run's result does not depend on the cache
        }
        project.timings().stopWall("cache " + file.getFileName() + ": write (wall)", start);
    }

    private static Map<String, Entry> read(Path file, String key) {
        if (file == null) return Map.of();
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 8 + 8) return Map.of();
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
            if (stored != crc.getValue()) return Map.of();
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)) return Map.of();
            int n = in.readInt();
            Map<String, Entry> entries = new java.util.HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                Stamp s = new Stamp(in.readLong(), in.readLong());
                boolean hashed = in.readBoolean();
                long hash = in.readLong();
                long[] absent = new long[in.readUnsignedByte()];
                for (int w = 0; w < absent.length; w++) absent[w] = in.readLong();
                entries.put(path, new Entry(s, hashed, hash, absent));
            }
            if (in.available() != 0) return Map.of();
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of();   // missing, unreadable or damaged: rebuilt by this run
        }
    }

    /** The first 8 bytes of the content's SHA-256. */
    static long hash(byte[] content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content);
            return java.nio.ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
