package dev.lintgate;

import dev.lintgate.cli.Invocation;
import dev.lintgate.cli.LintgateCommand;
import dev.lintgate.cli.ServerClient;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** The only place that calls {@code System.exit}; everything else returns an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // a check the resident server of this build can answer is sent to it, before anything else is loaded
        if (ServerClient.forwardable(args)) {
            OptionalInt served = ServerClient.run(args);
            if (served.isPresent()) System.exit(served.getAsInt());
        }
        // UTF-8 whatever the locale: PrintWriter(OutputStream) would encode in the locale's charset, and under the
        // C locale every non-ASCII name and message came out as '?'
        PrintWriter stdout = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        // an Error escaping a worker thread (out of memory outside its task) would make the JVM print its own lines,
        // and could leave the task it ran never complete: one line and exit 2 at once instead
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            LintgateCommand.failed(failure, stderr);
            Runtime.getRuntime().halt(2);
        });
        int code = run(args, stdout, stderr);
        stdout.flush();
        if (ServerClient.wantsServer(args)) ServerClient.startServer();
        System.exit(code);
    }

    /** Runs one command line. 0: clean; 1: findings at or above the fail level; 2: usage, configuration or internal error. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return LintgateCommand.run(args, out, err, Invocation.ofProcess());
    }
}
