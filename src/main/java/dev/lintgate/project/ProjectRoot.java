package dev.lintgate.project;

import dev.lintgate.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a project starts: the nearest ancestor of the first path holding lintgate settings, else the git top
 * level, else the path itself. Findings and SARIF URIs are relative to it.
 */
public record ProjectRoot(Path directory, Path settingsFile) {

    /** A root given by the user: its own settings file is used if it has one. */
    public static ProjectRoot at(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) throw new dev.lintgate.config.ConfigException(directory + ": the project root is not a directory");
        for (String name : ConfigLoader.CONFIG_NAMES) {
            Path candidate = dir.resolve(name);
            if (ConfigLoader.holdsSettings(candidate)) return new ProjectRoot(dir, candidate);
        }
        return new ProjectRoot(dir, null);
    }

    public static ProjectRoot discover(Path firstPath) {
        Path start = firstPath.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) start = start.getParent();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (String name : ConfigLoader.CONFIG_NAMES) {
                Path candidate = dir.resolve(name);
                if (ConfigLoader.holdsSettings(candidate)) return new ProjectRoot(dir, candidate);
            }
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) return new ProjectRoot(dir, null);
        }
        return new ProjectRoot(start, null);
    }
}
