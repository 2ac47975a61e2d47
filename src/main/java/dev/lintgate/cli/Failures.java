package dev.lintgate.cli;

import dev.lintgate.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns any failure into one line on stderr and exit 2. A configuration problem is the user's to fix and names
 * the file and line; anything else is our bug, and the stack trace is shown only with LINTGATE_DEBUG=1.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof ConfigException) {
            err.println("lintgate: error: " + ex.getMessage());
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            err.println("lintgate: error: " + cause.getMessage());
        } else {
            err.println("lintgate: internal error: " + ex + " (please report it; LINTGATE_DEBUG=1 shows the trace)");
            if ("1".equals(System.getenv("LINTGATE_DEBUG"))) ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.ERROR;
    }
}
