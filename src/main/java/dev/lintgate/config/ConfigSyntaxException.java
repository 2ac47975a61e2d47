package dev.lintgate.config;

/**
 * A config file that its reader rejects, at a 1-based line and column. The message is worded as the tool that reads
 * the file for real (iniconfig, tomllib) would word it, so users recognise it.
 */
public final class ConfigSyntaxException extends Exception {
    private final int line;
    private final int column;

    public ConfigSyntaxException(int line, int column, String message) {
        super(message);
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
