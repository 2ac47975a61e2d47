package dev.lintgate.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * What a client and the resident server ({@link Server}) agree on: where the server's socket is, which build it runs,
 * and the frames they exchange. A request is the client's command line, working directory, environment and whether
 * its output is a terminal; the answer is a stream of frames (standard output, standard error, then the exit code),
 * or a refusal before any output, after which the client runs the command itself.
 */
final class ServerProtocol {
    private ServerProtocol() {
    }

    static final int MAGIC = 0x4C475356;   // "LGSV"
    static final int VERSION = 1;

    static final byte RUN = 1;
    static final byte STATUS = 2;
    static final byte STOP = 3;

    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final byte REFUSED = 4;

    /**
     * The build a server must run to answer a client: the jar (its real path, size and time), the Java runtime (its
     * real home), and the encodings of file names and contents, which decide how non-ASCII names are read. A server
     * answers only clients of its own build, so a rebuilt jar or another JDK never gets an answer computed by other
     * code. The Python launcher of the wheels computes the same string ({@code _launcher.py}), so that it can be a
     * client without starting a JVM.
     */
    static String build() {
        // no lambda, no String.format, no resource read: a forwarded run loads next to nothing of its own
        StringBuilder b = new StringBuilder();
        Path jar = jar();
        if (jar == null) {
            b.append("classes");
        } else {
            try {
                b.append(jar.toRealPath()).append('\n').append(Files.size(jar)).append('\n').append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                b.append(jar).append(" unreadable");
            }
        }
        String home = System.getProperty("java.home");
        try {
            home = Path.of(home).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            // the home as the JVM gives it
        }
        b.append('\n').append(home);
        b.append('\n').append(System.getProperty("sun.jnu.encoding")).append(' ').append(System.getProperty("file.encoding"));
        return b.toString();
    }

    /** The socket's name for a build: CRC-32 and Adler-32 of it, which Python's zlib computes alike. */
    static String buildId(String build) {
        byte[] bytes = build.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Adler32 adler = new Adler32();
        adler.update(bytes);
        String hex = Long.toHexString(crc.getValue() << 32 | adler.getValue());
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The jar lintgate runs from; null when it runs from classes (the unit tests), where no server is started. */
    static Path jar() {
        try {
            Path p = Path.of(ServerProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The directory of the servers' sockets: {@code $XDG_RUNTIME_DIR/lintgate} (a per-user directory the system
     * empties at logout), else {@code lintgate/server} in the user's cache directory; null without either.
     */
    static Path directory(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "lintgate");
        }
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && !cache.isBlank() && Path.of(cache).isAbsolute()) return Path.of(cache, "lintgate", "server");
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) return null;
        return Path.of(home, ".cache", "lintgate", "server");
    }

    /** True when only this user can enter the directory: another user's socket there would get our source and environment. */
    static boolean onlyMine(Path dir) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")) return false;
            }
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The start of every request: magic, protocol version, the client's build, what it asks for. */
    static void writeHeader(DataOutputStream out, String build, byte kind) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeString(out, build);
        out.writeByte(kind);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) throw new IOException("bad string length " + n);
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new java.io.EOFException();
        return new String(b, StandardCharsets.UTF_8);
    }
}
