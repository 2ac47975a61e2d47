package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.report.Report;
import dev.lintgate.report.SourceLines;
import dev.lintgate.report.FixSummary;
import dev.lintgate.report.TextReporter;
import dev.lintgate.rules.AllRules;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture case under {@code testdata/rules/<code>/<case>/} with only that rule enabled and matches
 * findings against the {@code # expect:} comments both ways, then compares the text output with the case's
 * snapshot {@code <case>.snap} (what users see). {@code LINTGATE_UPDATE_SNAPSHOTS=1} rewrites snapshots; a
 * missing snapshot is written locally and fails under CI.
 */
class RuleFixturesTest {
    static final Path FIXTURES = Path.of("testdata", "rules");

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> codes = Files.list(FIXTURES)) {
            for (Path codeDir : codes.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> cases = Files.list(codeDir)) {
                    for (Path caseDir : cases.filter(Files::isDirectory).sorted().toList()) {
                        String code = codeDir.getFileName().toString();
                        tests.add(DynamicTest.dynamicTest(code + "/" + caseDir.getFileName(), () -> check(code, caseDir)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasFlaggedAndCleanFixtures() throws IOException {
        for (var rule : AllRules.create()) {
            Path dir = FIXTURES.resolve(rule.code());
            assertFalse(!Files.isDirectory(dir), "rule " + rule.code() + " has no fixtures in " + dir);
            boolean flagged = false;
            boolean clean = false;
            try (Stream<Path> cases = Files.list(dir)) {
                for (Path c : cases.filter(Files::isDirectory).toList()) {
                    if (Expectation.readAll(c).stream().anyMatch(e -> e.code().equals(rule.code()))) flagged = true;
                    else clean = true;
                }
            }
            if (!flagged || !clean) fail(rule.code() + " needs at least one flagged and one clean fixture case");
        }
    }

    static void check(String code, Path caseDir) throws IOException {
        Engine.Result result = Lint.run(caseDir, code);
        List<Expectation> expected = Expectation.readAll(caseDir).stream().filter(e -> e.code().equals(code)).toList();
        String leftovers = Expectation.mismatches(expected, result.findings());
        if (!leftovers.isEmpty()) fail(caseDir + ":\n" + leftovers);
        compareSnapshot(caseDir, result);
    }

    private static void compareSnapshot(Path caseDir, Engine.Result result) throws IOException {
        StringWriter text = new StringWriter();
        Report report = new Report(result.findings(), result.notifications(), RuleCatalog.bundled().all(), "snapshot",
                result.filesChecked(), true, SourceLines.under(caseDir));
        TextReporter.full(false).withFixes(f -> f.fixable(false), FixSummary.available(result.findings(), false)).write(report, text);
        Path snap = caseDir.resolveSibling(caseDir.getFileName() + ".snap");
        String actual = text.toString();
        boolean update = "1".equals(System.getenv("LINTGATE_UPDATE_SNAPSHOTS"));
        if (update || !Files.exists(snap)) {
            Files.writeString(snap, actual);
            if (!update && "true".equals(System.getenv("CI"))) fail("missing snapshot " + snap + " (written; commit it)");
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(Files.readString(snap), actual,
                "text output differs from " + snap + " (LINTGATE_UPDATE_SNAPSHOTS=1 rewrites it)");
    }
}
