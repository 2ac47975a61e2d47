package dev.lintgate.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs lintgate for the fault suite and the fuzzer, in this JVM ({@link Main#run}) or as its own process (for what only
 * a process has: a locale, JVM flags, a umask), and holds every run to the invariants README promises: the exit code is
 * 0, 1 or 2; exit 2 comes with exactly one line on stderr; no stack trace without LINTGATE_DEBUG.
 */
public final class Runs {
    static final Path JAR = Path.of("target", "lintgate.jar").toAbsolutePath();

    private Runs() {
    }

    public record Run(int exit, String out, String err) {
        /** Every invariant of a run, with the run shown when one fails. */
        public Run checked() {
            String shown = "exit " + exit + "\n--- stdout\n" + cut(out) + "\n--- stderr\n" + cut(err);
            assertTrue(exit == 0 || exit == 1 || exit == 2, "exit code outside 0/1/2: " + shown);
            assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains("Caused by: "),
                    "a stack trace without LINTGATE_DEBUG: " + shown);
            if (exit == 2) {
                assertEquals(1, err.lines().count(), "exit 2 must come with exactly one line on stderr: " + shown);
                assertTrue(err.startsWith("lintgate: "), "the line names lintgate: " + shown);
            }
            return this;
        }

        private static String cut(String s) {
            return s.length() > 3000 ? s.substring(0, 3000) + "..." : s;
        }
    }

    /** In this JVM, as the tests of the command line do. */
    public static Run inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString()).checked();
    }

    /** The packaged jar in a JVM of its own, with these JVM flags, environment (replacing this one's) and shell prefix. */
    public static Run process(List<String> jvmFlags, Map<String, String> environment, String shellPrefix, Path cwd,
                              String... args) throws IOException, InterruptedException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(jvmFlags);
        java.addAll(List.of("-jar", JAR.toString()));
        java.addAll(List.of(args));
        List<String> cmd = java;
        if (shellPrefix != null) {
            StringBuilder line = new StringBuilder(shellPrefix).append(" exec");
            for (String a : java) line.append(" '").append(a.replace("'", "'\\''")).append('\'');
            cmd = List.of("/bin/sh", "-c", line.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Path out = Files.createTempFile("fault-out", ".txt");
        Path err = Files.createTempFile("fault-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lintgate did not finish in 120 s: " + cmd);
            // the JVM's own warnings (native access) are not lintgate's lines
            String errText = Files.readString(err, StandardCharsets.UTF_8).replaceAll("(?m)^WARNING: .*\\R?", "");
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText).checked();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The environment of a CI job with no locale set: the C locale, ASCII file names for Java. */
    public static Map<String, String> bareEnvironment() {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", System.getProperty("java.io.tmpdir"),
                "NO_COLOR", "1");
    }

    /** Runs a shell command (to make what Java cannot: a FIFO, a device, a name that is not UTF-8). */
    public static void sh(Path cwd, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + ": " + out);
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
