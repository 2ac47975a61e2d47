package dev.lintgate.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a project's cache lives: {@code .lintgate_cache/} at the project root (as {@code .ruff_cache}), or the
 * directory given by {@code --cache-dir} or {@code LINTGATE_CACHE_DIR}; when lintgate may not write at the root (a
 * read-only checkout), {@code ${XDG_CACHE_HOME:-~/.cache}/lintgate/projects/<hash of the root>}. The directory carries its own
 * {@code .gitignore} ({@code *}) and a {@code CACHEDIR.TAG}, so neither git nor backup tools take it.
 */
public final class CacheDirectory {
    public static final String DEFAULT_NAME = ".lintgate_cache";
    public static final String ENVIRONMENT = "LINTGATE_CACHE_DIR";
    /** The signature the Cache Directory Tagging Specification requires at the start of CACHEDIR.TAG. */
    private static final String TAG = "Signature: 8a477f597d28d172789f06886806bc55\n"
            + "# This file is a cache directory tag created by lintgate.\n"
            + "# For information about cache directory tags, see https://bford.info/cachedir/\n";

    private CacheDirectory() {
    }

    /**
     * The cache directory of a run on {@code root}; empty with {@code --no-cache} or when no directory can be used.
     * {@code explicit} is {@code --cache-dir}, which wins over the environment; relative paths are taken from
     * {@code workingDirectory}.
     */
    public static Optional<Path> resolve(Path root, Path workingDirectory, boolean disabled, Path explicit, Map<String, String> env) {
        if (disabled) return Optional.empty();
        if (explicit != null) return Optional.of(workingDirectory.resolve(explicit).normalize());
        String fromEnv = env.get(ENVIRONMENT);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(workingDirectory.resolve(fromEnv).normalize());
        Path atRoot = root.resolve(DEFAULT_NAME);
        if (Files.isDirectory(atRoot) ? Files.isWritable(atRoot) : !Files.exists(atRoot) && Files.isWritable(root)) {
            return Optional.of(atRoot);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(base.resolve("lintgate").resolve("projects").resolve(FactCache.digest(root.toAbsolutePath().normalize().toString())));
    }

    /** Creates the directory with its .gitignore and CACHEDIR.TAG, where they are missing. */
    static void prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        put(dir.resolve(".gitignore"), "# Automatically created by lintgate.\n*\n");
        put(dir.resolve("CACHEDIR.TAG"), TAG);
    }

    private static void put(Path file, String text) throws IOException {
        if (Files.exists(file)) return;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicReplace.replace(file, false, o -> o.write(bytes));
    }
}
