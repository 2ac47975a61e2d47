package dev.lintgate;

import dev.lintgate.cli.LintgateCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The only place that calls {@code System.exit}; everything else returns an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, new PrintWriter(stdout), new PrintWriter(stderr, true));
        stdout.flush();
        System.exit(code);
    }

    /** Runs one command line. 0: clean; 1: findings at or above the fail level; 2: usage, configuration or internal error. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return LintgateCommand.commandLine(out, err).execute(args);
        } catch (Throwable failure) {
            // picocli hands exceptions to the handler, but an Error (out of memory, a stack overflow) comes through
            return LintgateCommand.failed(failure, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
