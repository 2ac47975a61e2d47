package dev.lintgate.cli;

import dev.lintgate.project.Walks;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command line runs: the caller's working directory, environment, and whether its standard output is a
 * terminal. A run in this process takes them from the process; a run the resident server does for a client
 * ({@link Server}) takes the client's, so that it prints what the client would have printed itself. {@code walks}: where
 * the project's walk comes from (the server's watched walks, or the disk).
 */
public record Invocation(Path workingDirectory, Map<String, String> environment, boolean terminal, Walks walks) {
    public Invocation {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** This process's. */
    public static Invocation ofProcess() {
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), System.console() != null, Walks.FRESH);
    }

    String env(String name) {
        return environment.get(name);
    }
}
