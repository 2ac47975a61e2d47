package dev.lintgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Fixture trees copied where a real tool runs on them. pytest and the build backends look for their config walking
 * up from where they start, and this repository's own pyproject.toml must not be the one they find.
 */
public final class TestTrees {
    private TestTrees() {
    }

    /** The incident project of the brief, which most end-to-end tests run on. */
    public static final Path INCIDENT = Path.of("testdata", "projects", "incident");

    /** A copy of the incident project at {@code to}, which a test may edit and run tools in. */
    public static Path copyIncident(Path to) throws IOException {
        copy(INCIDENT, to);
        return to;
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
