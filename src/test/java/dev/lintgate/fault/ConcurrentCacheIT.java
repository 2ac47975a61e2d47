package dev.lintgate.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.pytest.SyntheticMonorepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of the packaged jar at the same time on one project and one cache directory (a pre-commit hook and an
 * editor's run, two terminals) never corrupt the cache: every run prints what a run without a cache prints, no
 * temporary file is left behind, and what the last writers left is a cache the next run replays from.
 */
class ConcurrentCacheIT {
    private static final int RUNS_PER_WAVE = 6;

    @TempDir
    Path temp;

    @Test
    void runsAtOnceOnOneCacheAgreeWithUncachedRunsAndLeaveAUsableCache() throws Exception {
        Path root = temp.resolve("mono");
        SyntheticMonorepo.main(new String[] {root.toString(), "300"});
        Path cache = temp.resolve("cache");
        List<String> python;
        try (Stream<Path> s = Files.walk(root)) {
            python = s.filter(p -> p.toString().endsWith(".py")).map(p -> root.relativize(p).toString()).sorted().toList();
        }
        List<String> named = List.of(python.get(python.size() / 5), python.get(python.size() / 2), python.get(python.size() * 4 / 5));
        List<List<String>> argSets = List.of(List.of("."), named);

        for (int wave = 0; wave < 3; wave++) {
            if (wave > 0) {
                // an edit between waves: the kept results no longer hold, and the wave's runs race to keep new ones
                Files.writeString(root.resolve(named.get(wave - 1)), "\nimport pytest\n\n\n@pytest.mark.lintgate_wave" + wave
                        + "\ndef test_wave():\n    pass\n", StandardOpenOption.APPEND);
            }
            Map<List<String>, String> expected = new HashMap<>();
            for (List<String> args : argSets) expected.put(args, check(root, args, List.of("--no-cache")).out());
            List<Process> running = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (int i = 0; i < RUNS_PER_WAVE; i++) {
                Path out = temp.resolve("out-" + wave + "-" + i);
                outputs.add(out);
                running.add(start(root, argSets.get(i % 2), cache, out));
            }
            for (int i = 0; i < running.size(); i++) {
                Process p = running.get(i);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a run did not finish");
                assertEquals(0, p.exitValue(), Files.readString(outputs.get(i).resolveSibling(outputs.get(i).getFileName() + ".err")));
                assertEquals(expected.get(argSets.get(i % 2)), Files.readString(outputs.get(i), StandardCharsets.UTF_8),
                        "wave " + wave + ", run " + i + " (" + argSets.get(i % 2) + ")");
            }
            try (Stream<Path> s = Files.list(cache)) {
                List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
                assertTrue(left.isEmpty(), "temporary files left: " + left);
            }
            // the cache the racing writers left is whole: the next run replays it, and prints the same
            for (List<String> args : argSets) {
                Runs.Run replay = check(root, args, List.of("--cache-dir", cache.toString()), "LINTGATE_TIMING", "1");
                assertEquals(expected.get(args), replay.out());
                assertTrue(replay.err().contains("results cache: read and compare"), replay.err());
                assertFalse(replay.err().contains("rule LG"), "a replay runs no rule:\n" + replay.err());
            }
        }
    }

    private static Runs.Run check(Path root, List<String> paths, List<String> options, String... env) throws Exception {
        Map<String, String> environment = new HashMap<>(Runs.bareEnvironment());
        for (int i = 0; i < env.length; i += 2) environment.put(env[i], env[i + 1]);
        List<String> args = new ArrayList<>(List.of("check", "--project-root", ".", "--format", "json", "--exit-zero"));
        args.addAll(options);
        args.addAll(paths);
        return Runs.process(List.of(), environment, null, root, args.toArray(String[]::new));
    }

    private static Process start(Path root, List<String> paths, Path cache, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Runs.JAR.toString(), "check", "--project-root", ".", "--format", "json", "--exit-zero",
                "--cache-dir", cache.toString()));
        cmd.addAll(paths);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().clear();
        pb.environment().putAll(Runs.bareEnvironment());
        pb.redirectOutput(out.toFile()).redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
        return pb.start();
    }
}
