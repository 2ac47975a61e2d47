package dev.lintgate.cli;

import dev.lintgate.project.CacheDirectory;
import dev.lintgate.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Gives a check run its cache ({@code --no-cache}, {@code --cache-dir}, {@code LINTGATE_CACHE_DIR}). */
final class CacheRun {
    private CacheRun() {
    }

    static void apply(Project project, Path cwd, Map<String, String> env, boolean disabled, Path explicit, Instant runStart) {
        CacheDirectory.resolve(project.root(), cwd, disabled, explicit, env).ifPresent(dir ->
                project.cacheIn(dir, build(), runStart.getEpochSecond() * 1_000_000_000L + runStart.getNano()));
    }

    /**
     * lintgate's version and the size and time of the jar it runs from: a development build keeps its version
     * number, and a cache written by an older build of it must not be trusted.
     */
    private static String build() {
        String build = "lintgate " + Version.current();
        try {
            Path jar = Path.of(CacheRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) build += " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception e) {
            // no code source (a custom class loader): the version alone
        }
        return build;
    }
}
