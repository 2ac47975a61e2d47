package dev.lintgate.config;

/**
 * A configuration the user must fix. The message is one line, {@code file:line: what is wrong}; the CLI prints it
 * and exits 2.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String fileAndLine, String problem) {
        super(fileAndLine + ": " + problem);
    }

    public ConfigException(String message) {
        super(message);
    }
}
