package dev.lintgate.ecosystem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The ecosystem check in the build: every tree of the corpus gives exactly the findings of its triaged snapshot, and
 * every snapshot line has its evidence. Without the corpus it says plainly that it did not run; where the corpus
 * exists, {@code .ci/run} fails unless this test left {@link #RAN} behind, so it cannot be skipped by accident.
 */
class EcosystemIT {
    static final Path RAN = Path.of("target", "ecosystem-check.ran");

    @Test
    void everyTreeGivesItsTriagedFindings() throws Exception {
        Files.deleteIfExists(RAN);
        Path projectDir = Path.of("").toAbsolutePath();
        Optional<Path> corpus = EcosystemCheck.corpus(projectDir);
        if (corpus.isEmpty()) {
            System.err.println("EcosystemIT: DID NOT RUN: no ecosystem corpus at ../shared/ecosystem (or $LINTGATE_ECOSYSTEM)");
        }
        Assumptions.assumeTrue(corpus.isPresent(), "the ecosystem comparison did not run: no corpus at ../shared/ecosystem");
        EcosystemCheck check = new EcosystemCheck(projectDir, corpus.get());
        List<EcosystemCheck.TreeRun> runs = new ArrayList<>();
        for (EcosystemCheck.Tree t : check.trees()) runs.add(check.run(t));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        EcosystemCheck.print(runs, new PrintStream(report, true, StandardCharsets.UTF_8));
        String text = report.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        Files.writeString(RAN, text);
        assertTrue(runs.stream().allMatch(EcosystemCheck.TreeRun::clean),
                "findings on the ecosystem corpus differ from testdata/ecosystem/ (+ new, - gone, ? without evidence); "
                        + "triage each, then bench/ecosystem.sh --update and write its evidence:\n" + text);
    }
}
