package dev.lintgate.cli;

/** lintgate's exit codes, as ruff and ESLint use them. */
public final class ExitCode {
    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    /** Usage, configuration, I/O or internal error: the run says nothing about the code. */
    public static final int ERROR = 2;

    private ExitCode() {
    }
}
