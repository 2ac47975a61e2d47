package dev.lintgate.cli;

import dev.lintgate.project.WatchedWalks;
import dev.lintgate.project.Walks;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;

/**
 * A resident lintgate: one process that runs the {@code check} command lines of its clients ({@link ServerClient}),
 * one at a time (each connection answered on a thread of its own, the runs in turn), each in the client's working
 * directory and environment, and sends back what the command printed and its exit code. A run in a warm JVM does
 * the same work as a run of its own, from the same files and caches, but without starting, loading and compiling
 * lintgate again (most of a pre-commit run's time); the only thing kept between runs is the last walk of each tree,
 * reused while the kernel reports no change in it ({@link WatchedWalks}). It answers only clients of its own build, stops after an idle time, when asked, or when its
 * jar changes.
 */
final class Server {
    private final Path socket;
    private final String build;
    private final Duration idle;
    private final long started = System.currentTimeMillis();
    private final BuildStamp stamp = BuildStamp.now();
    private volatile long lastRun = System.currentTimeMillis();
    /** Requests being answered (read, run, sent): the server is idle only without any, and stops after them. */
    private final AtomicInteger answering = new AtomicInteger();
    /** Set under the run lock when the server stops: a run still waiting for the lock is refused (its client runs it). */
    private volatile boolean stopping;
    /** Held by a run: runs go one at a time (two cores are one run's), a status is answered beside them. */
    private final Object runLock = new Object();
    private volatile boolean needsCollecting;
    private volatile int runs;
    private volatile ServerSocketChannel listening;
    /** The last walk of each tree, handed out again while the kernel reports no change in it. */
    private volatile Walks walks = Walks.FRESH;
    /** The socket file this server bound: a server that took over the path after it keeps its own. */
    private volatile Object socketKey;

    Server(Path socket, String build, Duration idle) {
        this.socket = socket;
        this.build = build;
        this.idle = idle;
    }

    /** Serves until stopped; false when another server of this build already answers at the socket. */
    boolean serve(PrintWriter log) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
        try {
            channel.bind(address);
        } catch (IOException e) {
            if (ServerCommand.status(socket, build).isPresent()) {
                channel.close();
                return false;
            }
            // a socket file left by a server that did not stop cleanly (killed, or the machine went down)
            Files.deleteIfExists(socket);
            channel.bind(address);
        }
        listening = channel;
        socketKey = fileKey();
        walks = WatchedWalks.in(socket.getParent());
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeSocket));
        Thread watcher = new Thread(this::watch, "lintgate-server-idle");
        watcher.setDaemon(true);
        watcher.start();
        log.println("lintgate server " + Version.current() + ": pid " + ProcessHandle.current().pid() + ", listening on " + socket);
        log.flush();
        try {
            while (true) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (ClosedChannelException e) {
                    break;   // stopped: idle, asked to, or rebuilt
                }
                // a thread per connection: a client that connects and sends nothing holds up no other
                Thread thread = new Thread(() -> handle(client), "lintgate-server-client");
                thread.setDaemon(true);
                thread.start();
            }
        } finally {
            channel.close();
            synchronized (runLock) {
                stopping = true;
            }
            // the answers being sent get their last byte out (a client that stopped reading gets ten seconds)
            for (int i = 0; i < 200 && answering.get() > 0; i++) sleep(50);
            removeSocket();
        }
        log.println("lintgate server: stopped after " + runs + " runs");
        log.flush();
        return true;
    }

    private void handle(SocketChannel client) {
        boolean more = true;
        try (client) {
            more = answer(client);
        } catch (IOException | RuntimeException e) {
            // a client that went away mid-request
        } finally {
            lastRun = System.currentTimeMillis();
        }
        if (!more) stop();
    }

    private void stop() {
        try {
            listening.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }

    /** Answers one request; false when the server is to stop. */
    private boolean answer(SocketChannel client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client), 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client), 1 << 16));
        if (in.readInt() != ServerProtocol.MAGIC || in.readInt() != ServerProtocol.VERSION) return true;
        String theirs = ServerProtocol.readString(in);
        byte kind = in.readByte();
        answering.incrementAndGet();
        try {
            return respond(kind, theirs, in, out);
        } finally {
            answering.decrementAndGet();
        }
    }

    /** Answers a request whose header was read: a status, a stop, a run, or a refusal. */
    private boolean respond(byte kind, String theirs, DataInputStream in, DataOutputStream out) throws IOException {
        // a jar rebuilt under the server would load its classes from other bytes than it started with: it stops
        boolean rebuilt = !stamp.equals(BuildStamp.now());
        if (!theirs.equals(build) || rebuilt) {
            out.writeByte(ServerProtocol.REFUSED);
            out.flush();
            return !rebuilt;
        }
        switch (kind) {
            case ServerProtocol.STATUS -> {
                frame(out, ServerProtocol.OUT, ("pid " + ProcessHandle.current().pid() + ", up "
                        + (System.currentTimeMillis() - started) / 1000 + " s, " + runs + " runs, "
                        + (walks instanceof WatchedWalks w ? w.reused() + " on a reused walk" : "walks not watched") + ", idle timeout "
                        + (idle.isZero() ? "none" : idle.toMinutes() + " min") + "\n").getBytes(StandardCharsets.UTF_8));
                exit(out, ExitCode.CLEAN);
                return true;
            }
            case ServerProtocol.STOP -> {
                synchronized (runLock) {
                    exit(out, ExitCode.CLEAN);   // once the run in progress is done
                }
                return false;
            }
            case ServerProtocol.RUN -> {
                run(in, out);
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private void run(DataInputStream in, DataOutputStream out) throws IOException {
        Path cwd = Path.of(ServerProtocol.readString(in));
        String[] args = new String[in.readInt()];
        for (int i = 0; i < args.length; i++) args[i] = ServerProtocol.readString(in);
        int n = in.readInt();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < n; i++) env.put(ServerProtocol.readString(in), ServerProtocol.readString(in));
        boolean terminal = in.readBoolean();
        if (!cwd.isAbsolute() || !ServerClient.forwardable(args)) {
            out.writeByte(ServerProtocol.REFUSED);
            out.flush();
            return;
        }
        // the run's output is kept and sent once the run is done and the next one may start: a client that stops
        // reading (a pager left open, a suspended process) holds up no other client
        java.io.ByteArrayOutputStream recorded = new java.io.ByteArrayOutputStream(1 << 16);
        DataOutputStream frames = new DataOutputStream(recorded);
        PrintWriter stdout = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new Frames(frames, ServerProtocol.OUT), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(new Frames(frames, ServerProtocol.ERR), StandardCharsets.UTF_8), true);
        int code;
        synchronized (runLock) {
            if (stopping) {
                out.writeByte(ServerProtocol.REFUSED);
                out.flush();
                return;
            }
            runs++;
            needsCollecting = true;
            code = LintgateCommand.run(args, stdout, stderr, new Invocation(cwd, env, terminal, walks));
            stdout.flush();
            stderr.flush();
        }
        recorded.writeTo(out);
        exit(out, code);
    }

    private static void exit(DataOutputStream out, int code) throws IOException {
        out.writeByte(ServerProtocol.EXIT);
        out.writeInt(code);
        out.flush();
    }

    private static void frame(DataOutputStream out, byte kind, byte[] bytes) throws IOException {
        frame(out, kind, bytes, 0, bytes.length);
    }

    private static void frame(DataOutputStream out, byte kind, byte[] bytes, int off, int len) throws IOException {
        // one thread writes a connection's frames: the run's, recorded, then sent by the same thread
        out.writeByte(kind);
        out.writeInt(len);
        out.write(bytes, off, len);
        out.flush();
    }

    /** One stream of the command's output, sent as frames of its kind. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream out;
        private final byte kind;

        Frames(DataOutputStream out, byte kind) {
            this.out = out;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) frame(out, kind, b, off, len);
        }
    }

    /**
     * Stops the server when it has been idle for its idle time; after a run, once idle for a moment, collects the
     * garbage the run left, so that an idle server holds little more memory than an empty JVM.
     */
    private void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (answering.get() > 0) continue;
            long quiet = System.currentTimeMillis() - lastRun;
            if (needsCollecting && quiet > 2000) {
                needsCollecting = false;
                System.gc();
            }
            if (!idle.isZero() && quiet > idle.toMillis()) {
                stop();
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeSocket() {
        try {
            if (socketKey != null && socketKey.equals(fileKey())) Files.deleteIfExists(socket);
        } catch (IOException e) {
            // a socket file nobody answers at is taken over by the next server and skipped by clients
        }
    }

    private Object fileKey() {
        try {
            return Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The jar's size and time when the server started: a later build at the same path makes it stop. */
    private record BuildStamp(long size, long modified) {
        static BuildStamp now() {
            Path jar = ServerProtocol.jar();
            try {
                return jar == null ? new BuildStamp(-1, -1)
                        : new BuildStamp(Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                return new BuildStamp(-2, -2);
            }
        }
    }
}
