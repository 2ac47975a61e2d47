package dev.lintgate.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation fuzzer in every build: a few hundred mutants of real files, its counts printed. The seed changes with
 * the day, so that the builds of a week cover more than one build does, and it is printed, so that a failure can be
 * replayed: {@code -Dfuzz.seed=N -Dfuzz.mutants=N}, or {@code bench/fuzz.sh N SEED} for any count by hand.
 */
class MutationFuzzTest {
    @TempDir
    Path work;

    @Test
    void mutantsOfRealFilesKeepEveryInvariant() throws Exception {
        long seed = Long.getLong("fuzz.seed", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay());
        int mutants = Integer.getInteger("fuzz.mutants", 300);
        MutationFuzzer fuzzer = new MutationFuzzer(seed, mutants, work, System.out);
        fuzzer.run(Path.of("").toAbsolutePath());
        assertEquals(List.of(), fuzzer.failures(), "seed " + seed + ": replay with -Dfuzz.seed=" + seed);
    }
}
