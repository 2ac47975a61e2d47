package dev.lintgate.cli;

import dev.lintgate.config.ConfigException;
import dev.lintgate.report.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;

/**
 * Turns any failure of lintgate itself into exit 2 and exactly one line on stderr, whatever was thrown: a
 * configuration problem names its file and line, running out of memory says how to give the JVM more, and anything
 * else is our bug, whose stack trace only LINTGATE_DEBUG=1 shows. A merge gate must never pass because it failed,
 * and exit 1 would read as "findings".
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(ex, cl.getErr());
    }

    /** A usage error: exit 2 with exactly one line on stderr, as every failure (CI logs and wrappers show the last line). */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        ex.getCommandLine().getErr().println("lintgate: error: " + oneLine(ex.getMessage()) + " (see '"
                + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        return ExitCode.ERROR;
    }

    /** picocli answers 1 for a crash; 1 means "findings" here, so every failure maps to 2. */
    @Override
    public int getExitCode(Throwable exception) {
        return ExitCode.ERROR;
    }

    /** Whether this run told a failure already: a worker and the main thread may both fail, one line is said. */
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    static void newRun() {
        TOLD.set(false);
    }

    static int report(Throwable failure, PrintWriter err) {
        if (!TOLD.compareAndSet(false, true)) return ExitCode.ERROR;
        // the handler must not fail in turn: with the heap exhausted, the message is built from what is left
        try {
            err.println(line(failure));
            if ("1".equals(System.getenv("LINTGATE_DEBUG"))) failure.printStackTrace(err);
        } catch (Throwable secondary) {
            err.println("lintgate: internal error: " + failure.getClass().getName());
        }
        err.flush();
        return ExitCode.ERROR;
    }

    private static String line(Throwable failure) {
        if (failure instanceof ConfigException) {
            return "lintgate: error: " + oneLine(failure.getMessage());
        }
        if (failure instanceof UncheckedIOException || failure instanceof IOException) {
            IOException cause = failure instanceof UncheckedIOException u ? u.getCause() : (IOException) failure;
            return "lintgate: error: " + oneLine(String.valueOf(cause.getMessage()));
        }
        if (failure instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() >> 20;
            return "lintgate: error: out of memory (the JVM may use " + max + " MB); give it more with "
                    + "LINTGATE_JAVA_OPTS=-Xmx" + Math.max(2, 2 * max / 1024 + 1) + "g, or exclude the largest files";
        }
        String what = failure instanceof StackOverflowError ? "stack overflow" + where(failure) : oneLine(failure.toString());
        return "lintgate: internal error: " + what + " (please report it; LINTGATE_DEBUG=1 shows the trace)";
    }

    private static String where(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length == 0 ? "" : " in " + trace[0].getClassName() + "." + trace[0].getMethodName();
    }

    /** A message on one line, its control characters visible: some exceptions' messages span lines. */
    static String oneLine(String message) {
        return Printable.line(String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
