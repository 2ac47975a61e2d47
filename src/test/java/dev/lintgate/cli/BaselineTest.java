package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.TestTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adoption path on a copy of the incident project under real git: record a baseline, pass on it, fail on a new
 * finding only, keep old findings baselined when lines move, report and drop the fixed ones.
 */
class BaselineTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void copy() throws Exception {
        root = tmp.resolve("incident");
        TestTrees.copyIncident(root);
        Git.run(root, "init", "-q");
        Git.run(root, "add", "-A");
        Git.run(root, "commit", "-q", "-m", "incident");
    }

    private Path file(String rel) {
        return root.resolve(rel);
    }

    private void append(String rel, String text) throws IOException {
        Files.writeString(file(rel), Files.readString(file(rel)) + text);
    }

    @Test
    void aRecordedProjectPassesAndOnlyANewFindingFails() throws Exception {
        Runs before = Runs.in(root, "check", "@.", "--format", "concise");
        assertEquals(1, before.code());
        Runs recorded = Runs.in(root, "baseline", "@.");
        assertEquals(0, recorded.code(), recorded.err());
        assertTrue(Files.isRegularFile(file("lintgate-baseline.json")));
        assertEquals(before.heads().size(), count(Files.readString(file("lintgate-baseline.json"))), "one count per finding");

        Runs clean = Runs.in(root, "check", "@.", "--baseline", "@lintgate-baseline.json", "--format", "concise");
        assertEquals(0, clean.code(), clean.out());
        assertEquals(List.of(), clean.heads());
        assertTrue(clean.out().contains("22 baselined findings not shown"), clean.out());
        assertFalse(clean.out().contains("fixable") || clean.out().contains("No fixes"), "what --fix could do is counted over the findings shown: " + clean.out());

        // a second import of the deprecated class in a file that already has one: only it is new
        append("scripts/migrate_sessions.py", "\nfrom netra_backend.app.database.session_manager import DatabaseSessionManager\n");
        // and lines moving above old findings, with an unrelated edit in the file
        Files.writeString(file("netra_backend/app/agents/base_agent.py"),
                "# moved\n\n\n" + Files.readString(file("netra_backend/app/agents/base_agent.py")).replace("\n\n", "\n\n# note\n"));
        Files.writeString(file("pytest.ini"), "\n\n" + Files.readString(file("pytest.ini")));
        Runs one = Runs.in(root, "check", "@.", "--baseline", "@lintgate-baseline.json", "--format", "concise");
        assertEquals(1, one.code(), one.out());
        assertEquals(List.of("scripts/migrate_sessions.py:12: LG101"), one.heads());
        assertTrue(one.out().contains("22 baselined findings"), one.out());
    }

    @Test
    void fixedFindingsAreReportedAndDroppedOnUpdateSoTheBaselineOnlyShrinks() throws Exception {
        // the setting, relative to the settings file
        Files.writeString(file("lintgate.toml"), "baseline = \"lintgate-baseline.json\"\n" + Files.readString(file("lintgate.toml")));
        assertEquals(0, Runs.in(root, "baseline", "@.").code());
        String recorded = Files.readString(file("lintgate-baseline.json"));
        Path corpus = file("netra_backend/app/agents/corpus_agent.py");
        Files.writeString(corpus, Files.readString(corpus).replace("DatabaseSessionManager", "SessionManager"));
        // a new finding is not added by an update
        append("scripts/migrate_sessions.py", "\nfrom netra_backend.app.database.session_manager import DatabaseSessionManager\n");

        Runs fixed = Runs.in(root, "check", "@.", "--format", "concise");
        assertEquals(1, fixed.code());
        assertTrue(fixed.out().contains("netra_backend/app/agents/corpus_agent.py: fixed: LG101"), fixed.out());
        assertTrue(fixed.out().contains("21 baselined findings not shown (--show-baselined lists them), 1 fixed since the baseline."), fixed.out());
        assertEquals(recorded, Files.readString(file("lintgate-baseline.json")), "a check without --update-baseline writes nothing");

        Runs updated = Runs.in(root, "check", "@.", "--update-baseline", "--format", "concise");
        assertEquals(1, updated.code());
        assertTrue(updated.out().contains(", 1 fixed since the baseline (dropped from "), updated.out());
        String after = Files.readString(file("lintgate-baseline.json"));
        assertEquals(count(recorded) - 1, count(after));
        assertTrue(!after.contains("corpus_agent.py"), after);
        assertTrue(!after.contains("\"path\": \"scripts/migrate_sessions.py\",\n      \"message\": \"Import of deprecated `netra_backend.app.database.session_manager.DatabaseSessionManager` runs at import time"), after);
        Runs again = Runs.in(root, "check", "@.", "--format", "concise");
        assertTrue(again.out().contains("0 fixed since the baseline"), again.out());

        // what is listed with --show-baselined
        Runs listed = Runs.in(root, "check", "@.", "--show-baselined", "--format", "concise");
        assertEquals(22, listed.heads().size());
        assertEquals(21, listed.out().lines().filter(l -> l.endsWith(" (baselined)")).count());
    }

    @Test
    void aBaselineOfSomePathsKeepsTheEntriesOfTheOthers() throws Exception {
        assertEquals(0, Runs.in(root, "baseline", "@.").code());
        String whole = Files.readString(file("lintgate-baseline.json"));
        Path corpus = file("netra_backend/app/agents/corpus_agent.py");
        Files.writeString(corpus, Files.readString(corpus).replace("DatabaseSessionManager", "SessionManager"));
        // checking one file: the others' entries are not fixed, and recording it keeps them
        Runs one = Runs.in(root, "check", "@scripts/migrate_sessions.py", "--baseline", "@lintgate-baseline.json", "--format", "concise");
        assertTrue(one.out().contains("1 baselined finding not shown (--show-baselined lists them), 0 fixed"), one.out());
        assertEquals(0, Runs.in(root, "baseline", "@scripts/migrate_sessions.py").code());
        assertEquals(whole, Files.readString(file("lintgate-baseline.json")));
        assertEquals(0, Runs.in(root, "baseline", "@netra_backend").code());
        assertEquals(count(whole) - 1, count(Files.readString(file("lintgate-baseline.json"))));
    }

    @Test
    void jsonAndSarifCarryTheFingerprintAndTheBaselineState() throws Exception {
        assertEquals(0, Runs.in(root, "baseline", "@.").code());
        String baseline = Files.readString(file("lintgate-baseline.json"));
        append("scripts/migrate_sessions.py", "\nfrom netra_backend.app.database.session_manager import DatabaseSessionManager\n");
        Runs json = Runs.in(root, "check", "@.", "--baseline", "@lintgate-baseline.json", "--format", "json", "--show-baselined");
        String out = json.out();
        assertEquals(1, occurrences(out, "\"baselineState\": \"new\""));
        assertEquals(22, occurrences(out, "\"baselineState\": \"unchanged\""));
        assertTrue(out.contains("\"baselined\": 22"), out);
        // each unchanged finding's fingerprint is a key of the baseline file
        for (String line : out.lines().filter(l -> l.contains("\"fingerprint\"")).toList()) {
            assertTrue(baseline.contains(line.trim().replaceFirst(",$", "")) || out.indexOf(line) > 0, line);
        }
        Path corpus = file("netra_backend/app/agents/corpus_agent.py");
        Files.writeString(corpus, Files.readString(corpus).replace("DatabaseSessionManager", "SessionManager"));
        Runs sarif = Runs.in(root, "check", "@.", "--baseline", "@lintgate-baseline.json", "--format", "sarif");
        assertEquals(1, occurrences(sarif.out(), "\"baselineState\": \"new\""));
        assertEquals(0, occurrences(sarif.out(), "\"baselineState\": \"unchanged\""));
        // a fixed finding is no result (GitHub would alert on it) but a notification at its file
        assertEquals(1, occurrences(sarif.out(), "fixed since the baseline: LG101 Import of deprecated"));
        assertTrue(sarif.out().contains("\"uri\": \"netra_backend/app/agents/corpus_agent.py\""), sarif.out());
    }

    @Test
    void aBrokenBaselineIsOneLineWithItsFileAndLine() throws Exception {
        Files.writeString(file("b.json"), "{\n  \"version\": 1,\n  \"findings\": [\n    {\"code\": \"LG101\"}\n  ]\n}\n");
        Runs broken = Runs.in(root, "check", "@.", "--baseline", "@b.json");
        assertEquals(2, broken.code());
        assertTrue(broken.err().strip().matches("lintgate: error: .*b\\.json:4: a finding needs 'fingerprint' \\(a string\\)"), broken.err());
        Runs missing = Runs.in(root, "check", "@.", "--baseline", "@none.json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.json: no such baseline file (write it with 'lintgate baseline')"), missing.err());
        assertEquals(1, missing.err().lines().count());
    }

    private static int count(String baseline) {
        return baseline.lines().filter(l -> l.contains("\"count\"")).mapToInt(l -> Integer.parseInt(l.replaceAll("\\D", ""))).sum();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
