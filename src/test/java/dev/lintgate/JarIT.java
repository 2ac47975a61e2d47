package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** bin/lintgate: the first run records a class-data archive, later runs use it, and both behave the same. */
    @Test
    void launcherCachesClassesWithoutChangingOutputOrExitCodes() throws Exception {
        // the archive is some 10 MB: a test run must not leave one behind
        Path cache = Files.createTempDirectory("lintgate-cache");
        try {
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) runs.add(launcher(cache, "check", "testdata/projects/incident", "--format", "concise"));
            try (var files = Files.list(cache.resolve("lintgate"))) {
                List<Path> archives = files.toList();
                assertEquals(1, archives.size(), archives.toString());
                assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"), archives.toString());
            }
            assertEquals(1, runs.get(0).exit(), runs.get(0).err());
            assertEquals(runs.get(0), runs.get(1));
            assertEquals(2, launcher(cache, "check", "no-such-dir").exit());
        } finally {
            try (var tree = Files.walk(cache)) {
                tree.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Run launcher(Path cache, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "bin/lintgate"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return run(pb);
    }
}
