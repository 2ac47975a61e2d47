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
        return new Invocation(Path.of("").toAbsolutePath(), System.getenv(), standardStreamsAreTerminal(), Walks.FRESH);
    }

    /**
     * Whether standard input and output are a terminal. JDK 17 gives a console only then; JDK 22 and later give one
     * even when the output is redirected, and say with {@code Console.isTerminal()} (looked up by name: this builds for
     * 17) whether it is a terminal. The wheels' Python launcher asks the same of the system: isatty(0) and isatty(1).
     */
    static boolean standardStreamsAreTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;   // before JDK 22
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    String env(String name) {
        return environment.get(name);
    }
}
