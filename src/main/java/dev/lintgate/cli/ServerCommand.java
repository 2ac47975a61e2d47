package dev.lintgate.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code lintgate server start|stop|status|run}: the resident server ({@link Server}) of this build. */
final class ServerCommand implements Callable<Integer> {
    private CommandSpec spec;
    private String action = "status";
    private int idleMinutes = 60;

    CommandSpec commandSpec() {
        spec = CommandSpecs.command(this, "server", "Keep lintgate running in the background, so that 'lintgate check' "
                + "answers without starting a JVM and warming it up (for pre-commit hooks and editors): start, stop, "
                + "status, or run (in the foreground).");
        CommandSpecs.Field<String> actionField = new CommandSpecs.Field<>(action, v -> action = v);
        spec.addPositional(PositionalParamSpec.builder().paramLabel("ACTION").arity("0..1").type(String.class)
                .getter(actionField).setter(actionField).initialValue(action).hasInitialValue(true)
                .description("start, stop, status (the default) or run.").build());
        spec.addOption(CommandSpecs.option(int.class, idleMinutes, v -> idleMinutes = v, "--idle-timeout").paramLabel("MINUTES")
                .description("Stop after this many minutes without a run (default: 60; 0: never).").build());
        return CommandSpecs.helpOptions(spec);
    }

    @Override
    public Integer call() throws IOException {
        if (idleMinutes < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--idle-timeout must be 0 or more, not " + idleMinutes);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = ServerProtocol.directory(System.getenv());
        if (dir == null) {
            err.println("lintgate: error: no directory for the server's socket: set XDG_RUNTIME_DIR or HOME");
            return ExitCode.ERROR;
        }
        String build = ServerProtocol.build();
        Path socket = dir.resolve(ServerProtocol.buildId(build) + ".sock");
        Path log = dir.resolve(ServerProtocol.buildId(build) + ".log");
        switch (action) {
            case "status" -> {
                Optional<String> status = status(socket, build);
                out.println(status.map(s -> "lintgate server: running, " + s.strip() + ", socket " + socket)
                        .orElse("lintgate server: not running (socket " + socket + ")"));
                out.flush();
                return status.isPresent() ? ExitCode.CLEAN : ExitCode.FINDINGS;
            }
            case "stop" -> {
                if (!send(socket, build, ServerProtocol.STOP)) {
                    out.println("lintgate server: not running");
                } else {
                    for (int i = 0; i < 100 && Files.exists(socket); i++) sleep(50);
                    out.println("lintgate server: stopped");
                }
                out.flush();
                return ExitCode.CLEAN;
            }
            case "start" -> {
                return start(dir, socket, log, build, out, err);
            }
            case "run" -> {
                if (!prepare(dir, err)) return ExitCode.ERROR;
                Duration idle = Duration.ofMinutes(idleMinutes);
                if (!new Server(socket, build, idle).serve(err)) {
                    err.println("lintgate: error: a lintgate server of this build is already running at " + socket);
                    return ExitCode.ERROR;
                }
                return ExitCode.CLEAN;
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown action '" + action + "': start, stop, status or run");
        }
    }

    /** Starts {@code server run} as a process of its own, and returns once it answers. */
    private int start(Path dir, Path socket, Path log, String build, PrintWriter out, PrintWriter err) throws IOException {
        Optional<String> running = status(socket, build);
        if (running.isPresent()) {
            out.println("lintgate server: already running, " + running.get().strip());
            out.flush();
            return ExitCode.CLEAN;
        }
        Path jar = ServerProtocol.jar();
        if (jar == null) {
            err.println("lintgate: error: the server runs from lintgate.jar, and this lintgate does not run from a jar");
            return ExitCode.ERROR;
        }
        if (!prepare(dir, err)) return ExitCode.ERROR;
        Process process = spawn(jar, log, idleMinutes);
        for (int i = 0; i < 600; i++) {
            Optional<String> status = status(socket, build);
            if (status.isPresent()) {
                out.println("lintgate server: started, " + status.get().strip() + ", socket " + socket);
                out.flush();
                return ExitCode.CLEAN;
            }
            if (!process.isAlive()) break;
            sleep(50);
        }
        err.println("lintgate: error: the server did not start; its log is " + log);
        return ExitCode.ERROR;
    }

    /**
     * Starts {@code lintgate server run} in a process of its own that outlives this one, its output appended to the
     * log beside the socket.
     */
    private static Process spawn(Path jar, Path log, int idleMinutes) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        // in a session of its own: the terminal's hang-up or ^C of whatever started it does not reach it
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) command.add("/usr/bin/setsid");
        command.add(java);
        // a heap that can shrink back after a run: the JVM never shrinks below its initial size (a 64th of the RAM,
        // 384 MB here), so an idle server held its largest run's heap (420 MB after whole-tree runs of the
        // monorepo; 107 MB with these); the options after them, the starting run's, win where they repeat one
        command.addAll(List.of("-Xms16m", "-XX:-ShrinkHeapInSteps"));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", jar.toString(), "dev.lintgate.Main", "server", "run", "--idle-timeout", String.valueOf(idleMinutes)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File("/"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the server is no client (LINTGATE_NO_SERVER, LINTGATE_SERVER) and runs under no client's timing
        builder.environment().remove(ServerClient.DISABLED);
        builder.environment().remove(ServerClient.AUTO_START);
        builder.environment().remove("LINTGATE_TIMING");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * The JVM options this process was started with (the launcher's {@code jvm.options}, huge pages, its class-data
     * archive, {@code LINTGATE_JAVA_OPTS}), less those that record an archive at exit, which would overwrite the
     * launcher's with the server's classes. The same flags as a run of its own, C1 only included: with C2, a server on
     * two cores spent its first runs compiling (the standard library with LG1: 3.9 s, then 2.6 to 3.0 s, against 1.9
     * s and then 0.95 s with C1 only; five files after an edit of the monorepo took six runs to come down to 0.34 s,
     * against three runs to 0.30 s).
     */
    private static List<String> jvmOptions() {
        List<String> args = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar") || !a.startsWith("-") && !a.startsWith("@")) break;   // the jar, or the main class
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                i++;
                continue;
            }
            if (a.startsWith("-XX:ArchiveClassesAtExit") || a.equals("-XX:+AutoCreateSharedArchive")
                    || a.startsWith("-XX:DumpLoadedClassList")) {
                continue;
            }
            out.add(a);
        }
        // no command line to read (a platform that does not give it): bin/jvm.options' two flags that matter most
        if (out.isEmpty()) out.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        return out;
    }

    /**
     * {@code LINTGATE_SERVER=start}: a check that found no server starts one for the next runs, without waiting for
     * it; whatever fails here is the next run's concern (it runs itself, as this one did).
     */
    static void startInBackground() {
        try {
            Path dir = ServerProtocol.directory(System.getenv());
            Path jar = ServerProtocol.jar();
            if (dir == null || jar == null || !prepare(dir, new PrintWriter(java.io.Writer.nullWriter()))) return;
            String id = ServerProtocol.buildId(ServerProtocol.build());
            spawn(jar, dir.resolve(id + ".log"), 60);
        } catch (IOException | RuntimeException e) {
            // no server this time
        }
    }

    /** Creates the socket directory for this user alone; false (with one line) when it is open to others. */
    private static boolean prepare(Path dir, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by a server starting beside this one
            }
        }
        if (!ServerProtocol.onlyMine(dir)) {
            err.println("lintgate: error: " + dir + " is not a directory of this user's alone (mode 700): "
                    + "the server's socket would be open to others");
            return false;
        }
        return true;
    }

    /** What the server of this build at the socket says about itself; empty when none answers. */
    static Optional<String> status(Path socket, String build) {
        if (!Files.exists(socket)) return Optional.empty();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            request(channel, build, ServerProtocol.STATUS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            if (in.readByte() != ServerProtocol.OUT) return Optional.empty();
            return Optional.of(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Sends a request without a body; true when the server answered it. */
    private static boolean send(Path socket, String build, byte kind) {
        if (!Files.exists(socket)) return false;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            request(channel, build, kind);
            return new DataInputStream(Channels.newInputStream(channel)).readByte() == ServerProtocol.EXIT;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void request(SocketChannel channel, String build, byte kind) throws IOException {
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
        ServerProtocol.writeHeader(out, build, kind);
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
