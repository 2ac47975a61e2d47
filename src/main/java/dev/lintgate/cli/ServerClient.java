package dev.lintgate.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The client side of the resident server ({@link Server}): a {@code check} whose command line only reads (no fix,
 * no output file, no standard input) is sent to the server of this build when one is running, and its output and
 * exit code are the server's. Anything else, or no server, or a server that refuses before printing anything, and
 * the command runs in this process as always. This class and {@link ServerProtocol} are all a forwarded run loads.
 */
public final class ServerClient {
    private ServerClient() {
    }

    /** Set (to anything but the empty string) to run every command in this process. */
    static final String DISABLED = "LINTGATE_NO_SERVER";
    /** {@code LINTGATE_SERVER=start}: a check that finds no server starts one for the runs after it. */
    static final String AUTO_START = "LINTGATE_SERVER";

    /**
     * {@code check} options that take a value and only read: their runs can be answered by the server. The wheels'
     * Python launcher lists them too ({@code SERVER_VALUE_OPTIONS}, {@code SERVER_FLAGS}; a test holds them equal).
     */
    static final Set<String> WITH_VALUE = Set.of("--config", "--project-root", "--select", "--extend-select",
            "--ignore", "--format", "--output-format", "--sarif-category", "--sarif-source-root", "--fail-level",
            "--color", "--threads", "--baseline", "--cache-dir");
    static final Set<String> FLAGS = Set.of("--exit-zero", "-q", "--quiet", "--force-exclude", "--unsafe-fixes",
            "--show-baselined", "--statistics", "--no-cache");

    /**
     * True for a {@code check} the server may run: every option is one of the reading ones above, written out in
     * full (no clustered short options, no {@code @file}), and no path is {@code -} (standard input). Options that
     * write files or name them for writing ({@code -o}, {@code --sarif-output}, {@code --fix}, {@code --diff},
     * {@code --update-baseline}), run git ({@code --diff-base}) or print the settings stay in this process.
     */
    public static boolean forwardable(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) return false;
        boolean positionalOnly = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-")) return false;
            if (positionalOnly) continue;
            if (a.equals("--")) {
                positionalOnly = true;
                continue;
            }
            if (a.startsWith("@")) return false;
            if (!a.startsWith("-")) continue;
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (WITH_VALUE.contains(name)) {
                if (eq < 0) i++;   // the value is the next argument, whatever it looks like
            } else if (!(FLAGS.contains(name) && eq < 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when this process ran a check a server could have answered, no server did, and the environment asks for
     * one ({@code LINTGATE_SERVER=start}): the caller starts it once its own output is out.
     */
    public static boolean wantsServer(String[] args) {
        Map<String, String> env = System.getenv();
        String off = env.get(DISABLED);
        return "start".equals(env.get(AUTO_START)) && (off == null || off.isEmpty()) && forwardable(args);
    }

    /** Starts a server in the background for the next runs ({@link #wantsServer}). */
    public static void startServer() {
        ServerCommand.startInBackground();
    }

    /** The exit code of the command as the server ran it; empty when this process is to run it. */
    public static OptionalInt run(String[] args) {
        Map<String, String> env = System.getenv();
        String off = env.get(DISABLED);
        if (off != null && !off.isEmpty()) return OptionalInt.empty();
        Path dir = ServerProtocol.directory(env);
        if (dir == null || !Files.isDirectory(dir)) return OptionalInt.empty();
        String build = ServerProtocol.build();
        Path socket = dir.resolve(ServerProtocol.buildId(build) + ".sock");
        if (!Files.exists(socket) || !ServerProtocol.onlyMine(dir)) return OptionalInt.empty();
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        boolean printed = false;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 14));
            ServerProtocol.writeHeader(out, build, ServerProtocol.RUN);
            ServerProtocol.writeString(out, Path.of("").toAbsolutePath().toString());
            out.writeInt(args.length);
            for (String a : args) ServerProtocol.writeString(out, a);
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                ServerProtocol.writeString(out, e.getKey());
                ServerProtocol.writeString(out, e.getValue());
            }
            out.writeBoolean(Invocation.standardStreamsAreTerminal());
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            while (true) {
                byte kind = in.readByte();
                if (kind == ServerProtocol.EXIT) {
                    int code = in.readInt();
                    flushQuietly(stdout);
                    return OptionalInt.of(code);
                }
                if (kind == ServerProtocol.REFUSED && !printed) return OptionalInt.empty();
                if (kind != ServerProtocol.OUT && kind != ServerProtocol.ERR) throw new IOException("unknown frame " + kind);
                byte[] bytes = in.readNBytes(in.readInt());
                printed = true;
                if (kind == ServerProtocol.OUT) {
                    writeQuietly(stdout, bytes);
                } else {
                    // what was printed before a line on standard error comes first, as in a run of its own
                    flushQuietly(stdout);
                    writeQuietly(stderr, bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing printed yet: this process runs the command, as without a server
            if (!printed) return OptionalInt.empty();
            flushQuietly(stdout);
            String why = e instanceof EOFException ? "it stopped" : e.getMessage();
            writeQuietly(stderr, ("lintgate: error: the lintgate server failed during the run (" + why + "); run again, "
                    + "or set " + DISABLED + "=1\n").getBytes(StandardCharsets.UTF_8));
            return OptionalInt.of(ExitCode.ERROR);
        }
    }

    /** A closed pipe (lintgate ... | head) ends what the reader sees, not the run: as PrintWriter does in a run of its own. */
    private static void writeQuietly(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            // the reader is gone
        }
    }

    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            // the reader is gone
        }
    }
}
