package dev.lintgate.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command line runs: the caller's working directory, environment, and whether its standard output is a
 * terminal. A run in this process takes them from the process; a run the resident server does for a client
 * ({@link Server}) takes the client's, so that it prints what the client would have printed itself.
 */
public record Invocation(Path workingDirectory, Map<String, String> environment, boolean terminal) {
    public Invocation {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** This process's. */
    public static Invocation ofProcess() {
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), System.console() != null);
    }

    String env(String name) {
        return environment.get(name);
    }
}
