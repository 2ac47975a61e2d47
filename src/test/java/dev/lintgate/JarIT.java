package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as README's quick start runs it: a separate JVM, real exit codes, real streams. */
class JarIT {
    static final Path JAR = Path.of("target", "lintgate.jar");

    record Run(int exit, String out, String err) {
    }

    static Run java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return run(new ProcessBuilder(cmd));
    }

    /** Runs the process with output to temporary files (a pipe could fill and block it), which it then deletes. */
    private static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.environment().remove("LINTGATE_OUTPUT_FORMAT");
        pb.environment().put("NO_COLOR", "1");
        Path out = Files.createTempFile("lintgate-out", ".txt");
        Path err = Files.createTempFile("lintgate-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lintgate did not finish in 120 s: " + pb.command());
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void quickStartCommandReportsTheIncident() throws Exception {
        Run run = java("check", "testdata/projects/incident");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("netra_backend/app/agents/base_agent.py:4:"), run.out());
        assertTrue(run.out().contains("LG101"), run.out());
        assertEquals("", run.err().replaceAll("(?m)^WARNING: .*native.*\\R?", ""), "nothing on stderr");
    }

    @Test
    void versionRulesExplainAndUsageErrors() throws Exception {
        assertTrue(java("--version").out().startsWith("lintgate 0."));
        assertTrue(java("rules").out().contains("LG101  deprecated-runtime-import"));
        assertTrue(java("explain", "deprecated-runtime-import").out().startsWith("# LG101 deprecated-runtime-import"));
        Run bad = java("check", "--format", "yaml");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("lintgate: error: "), bad.err());
    }

    @Test
    void fixedIncidentIsClean() throws Exception {
        Run run = java("check", "testdata/projects/incident-fixed");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("All checks passed"), run.out());
    }

    /**
     * bin/lintgate maps the class-data archive the build made beside the jar, and writes nothing; for a jar without
     * one, the first run records an archive in the user's cache and later runs use it. Output and exit codes are
     * those of a run without any archive.
     */
    @Test
    void launcherSharesClassesWithoutChangingOutputOrExitCodes() throws Exception {
        assertTrue(Files.isRegularFile(Path.of("target", "lintgate.jsa")), "mvn package makes target/lintgate.jsa");
        // the archives are some 10 to 20 MB: a test run must not leave one behind
        Path cache = Files.createTempDirectory("lintgate-cache");
        Path lone = Files.createTempDirectory("lintgate-jar");
        try {
            Files.copy(Path.of("target", "lintgate.jar"), lone.resolve("lintgate.jar"));
            String[] args = {"check", "testdata/projects/incident", "--format", "concise"};
            Run plain = launcher(cache, Map.of("LINTGATE_NO_CDS", "1"), args);
            assertEquals(1, plain.exit(), plain.err());
            // -Xshare:on fails the run when the archive cannot be mapped: this proves the build's archive is used
            assertEquals(plain, launcher(cache, Map.of("LINTGATE_JAVA_OPTS", "-Xshare:on"), args));
            assertFalse(Files.exists(cache.resolve("lintgate")), "the build's archive is used; nothing is written");
            Map<String, String> elsewhere = Map.of("LINTGATE_JAR", lone.resolve("lintgate.jar").toString());
            for (int i = 0; i < 2; i++) assertEquals(plain, launcher(cache, elsewhere, args));
            try (var files = Files.list(cache.resolve("lintgate"))) {
                List<Path> archives = files.toList();
                assertEquals(1, archives.size(), archives.toString());
                assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives.toString());
            }
            assertEquals(2, launcher(cache, Map.of(), "check", "no-such-dir").exit());
        } finally {
            for (Path dir : List.of(cache, lone)) {
                try (var tree = Files.walk(dir)) {
                    tree.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static Run launcher(Path cache, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "bin/lintgate"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().putAll(env);
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return run(pb);
    }
}
