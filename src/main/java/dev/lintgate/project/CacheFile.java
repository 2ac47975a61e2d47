package dev.lintgate.project;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * One file of the cache directory: a header (what kind of file, its format, the key it was made for: lintgate's
 * build and the settings its content depends on), a body, and a checksum of both. A file that is missing, damaged,
 * truncated or made for another key reads as nothing and is rebuilt, never trusted. It is replaced whole (temporary
 * file and rename), so concurrent runs leave one of their files, never a mixture.
 */
public final class CacheFile {
    private final Path path;
    private final int magic;
    private final int format;
    private final String key;

    public CacheFile(Path path, int magic, int format, String key) {
        this.path = path;
        this.magic = magic;
        this.format = format;
        this.key = key;
    }

    public Path path() {
        return path;
    }

    /** What the body holds, written by {@link #write}; read to its end or the file counts as damaged. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** The body, read by {@code reader}; empty when the file is missing, damaged or made for another key. */
    public <T> Optional<T> read(Reader<T> reader) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length < 8 + 8) return Optional.empty();
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) return Optional.empty();
            DataInputStream in = new DataInputStream(new Unsynchronized.In(bytes, bytes.length - 8));
            if (in.readInt() != magic || in.readInt() != format || !readString(in).equals(key)) return Optional.empty();
            T body = reader.read(in);
            return in.available() == 0 ? Optional.ofNullable(body) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // missing, unreadable or damaged: rebuilt by this run
        }
    }

    /**
     * Replaces the file, streaming the body (a result of 36,000 findings is megabytes: it is not held twice in
     * memory); a failure (a read-only or full disk) costs the next run its cache, never this run.
     */
    public boolean write(Writer body) {
        try {
            CacheDirectory.prepare(path.getParent());
            AtomicReplace.replace(path, false, o -> {
                CRC32 crc = new CRC32();
                DataOutputStream data = new DataOutputStream(new Unsynchronized.Out(new CheckedOutputStream(o, crc)));
                data.writeInt(magic);
                data.writeInt(format);
                writeString(data, key);
                body.write(data);
                data.flush();
                new DataOutputStream(o).writeLong(crc.getValue());
            });
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The byte streams under the Data streams: JDK 17's ByteArrayInputStream and BufferedOutputStream synchronize
     * every one-byte call, and DataInputStream/DataOutputStream make four of them per int (a result of 36,000
     * findings took 300 ms to write and as long to read through them).
     */
    private static final class Unsynchronized {
        static final class In extends java.io.InputStream {
            private final byte[] bytes;
            private final int end;
            private int at;

            In(byte[] bytes, int end) {
                this.bytes = bytes;
                this.end = end;
            }

            @Override
            public int read() {
                return at < end ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) return 0;
                if (at >= end) return -1;
                int n = Math.min(len, end - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return end - at;
            }
        }

        static final class Out extends java.io.OutputStream {
            private final java.io.OutputStream to;
            private final byte[] buffer = new byte[1 << 16];
            private int used;

            Out(java.io.OutputStream to) {
                this.to = to;
            }

            @Override
            public void write(int b) throws IOException {
                if (used == buffer.length) flush();
                buffer[used++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > buffer.length - used) {
                    flush();
                    if (len > buffer.length) {
                        to.write(b, off, len);
                        return;
                    }
                }
                System.arraycopy(b, off, buffer, used, len);
                used += len;
            }

            @Override
            public void flush() throws IOException {
                to.write(buffer, 0, used);
                used = 0;
            }
        }
    }

    /**
     * A count written before that many items, bounded by what is left to read (each item takes a byte at least): a
     * damaged file must not make the run allocate gigabytes.
     */
    public static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("damaged");
        return n;
    }

    /** A string of any length (DataOutputStream's own UTF stops at 64 KiB), or null. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        if (n > in.available()) throw new IOException("truncated");
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
