package dev.lintgate.report;

import static dev.lintgate.report.JsonTree.array;
import static dev.lintgate.report.JsonTree.at;
import static dev.lintgate.report.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.catalog.Fixability;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static String sarif(Report report) {
        String out = Render.of(new SarifReporter(), report);
        SarifValidation.assertValid(out);
        return out;
    }

    @Test
    void logAndDriver() {
        Object log = JsonTree.parse(sarif(Samples.report()));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", at(log, "$schema"));
        assertEquals("2.1.0", at(log, "version"));
        assertEquals(1, array(at(log, "runs")).size());
        Object driver = at(log, "runs", 0, "tool", "driver");
        assertEquals("lintgate", at(driver, "name"));
        assertEquals("0.1.0", at(driver, "version"));
        assertEquals("0.1.0", at(driver, "semanticVersion"));
        assertEquals("https://github.com/lintgate/lintgate", at(driver, "informationUri"));
        assertEquals("unicodeCodePoints", at(log, "runs", 0, "columnKind"));
        assertNull(at(log, "runs", 0, "automationDetails"));
        assertNull(at(log, "runs", 0, "originalUriBaseIds"));
    }

    @Test
    void rulesAreAllKnownRulesSortedWithDocs() {
        Object rules = at(JsonTree.parse(sarif(Samples.empty())), "runs", 0, "tool", "driver", "rules");
        assertEquals(List.of("LG101", "LG210", "LG301"), array(rules).stream().map(r -> at(r, "id")).toList());
        Object lg101 = array(rules).get(0);
        assertEquals("deprecated-runtime-import", at(lg101, "name"));
        assertEquals("A deprecated module or class is imported where the import runs", at(lg101, "shortDescription", "text"));
        assertEquals("Every import that runs at import time and names a target from [[deprecated]]:\n\n"
                + "- from m import C;\n- import m when m is deprecated.\n\nSee PEP 702 (https://peps.python.org/pep-0702/).",
                at(lg101, "fullDescription", "text"));
        assertTrue(((String) at(lg101, "help", "markdown")).startsWith("# LG101 deprecated-runtime-import\n\n## What it checks\n"));
        assertTrue(((String) at(lg101, "help", "text")).startsWith("LG101 deprecated-runtime-import\n\nWhat it checks\n\nEvery import"));
        assertTrue(((String) at(lg101, "help", "text")).endsWith("Example\n\n    import legacy"));
        assertEquals("https://github.com/lintgate/lintgate/blob/main/rules/LG101-deprecated-runtime-import.md", at(lg101, "helpUri"));
        assertEquals("error", at(lg101, "defaultConfiguration", "level"));
        assertEquals(List.of("imports", "deprecation"), at(lg101, "properties", "tags"));
        assertEquals("high", at(lg101, "properties", "precision"));
        assertEquals("error", at(lg101, "properties", "problem.severity"));
        assertFalse(object(at(lg101, "properties")).containsKey("security-severity"));

        Object lg301 = array(rules).get(2);
        assertEquals("note", at(lg301, "defaultConfiguration", "level"));
        assertEquals("recommendation", at(lg301, "properties", "problem.severity"));
        // duplicate tag dropped, category added once
        assertEquals(List.of("pytest", "imports"), at(lg301, "properties", "tags"));
        assertEquals("warning", at(array(rules).get(1), "properties", "problem.severity"));
    }

    @Test
    void resultsCarryRuleIndexLevelEncodedUriAndFullRegion() {
        Object log = JsonTree.parse(sarif(Samples.report()));
        List<Object> results = array(at(log, "runs", 0, "results"));
        assertEquals(7, results.size());
        for (Object r : results) {
            String id = (String) at(r, "ruleId");
            assertEquals(id, at(log, "runs", 0, "tool", "driver", "rules", ((Long) at(r, "ruleIndex")).intValue(), "id"));
        }
        Object first = results.get(0);
        assertEquals("LG101", at(first, "ruleId"));
        assertEquals(0L, at(first, "ruleIndex"));
        assertEquals("error", at(first, "level"));
        assertEquals("`DatabaseSessionManager` is deprecated and imported at import time. Import `SessionManager` instead.",
                at(first, "message", "text"));
        Object physical = at(first, "locations", 0, "physicalLocation");
        assertEquals("src/app/my%20module.py", at(physical, "artifactLocation", "uri"));
        assertEquals("%SRCROOT%", at(physical, "artifactLocation", "uriBaseId"));
        assertEquals(Map.of("startLine", 2L, "startColumn", 42L, "endLine", 2L, "endColumn", 64L), at(physical, "region"));

        Object multiLine = results.get(3);
        assertEquals(Map.of("startLine", 5L, "startColumn", 1L, "endLine", 7L, "endColumn", 2L),
                at(multiLine, "locations", 0, "physicalLocation", "region"));
        assertEquals("note", at(results.get(2), "level"));
        assertEquals(2L, at(results.get(2), "ruleIndex"));
    }

    @Test
    void relatedLocationsAreLinkedFromTheMessage() {
        Object log = JsonTree.parse(sarif(Samples.report()));
        Object marker = array(at(log, "runs", 0, "results")).get(5);
        assertEquals("LG210", at(marker, "ruleId"));
        assertEquals("warning", at(marker, "level"));
        assertEquals("tests/t%C3%ABst_%F0%9F%98%80%20%C3%BCn%C3%AF.py", at(marker, "locations", 0, "physicalLocation", "artifactLocation", "uri"));
        // brackets that are not links are escaped once the message has links
        assertEquals("Marker `slwo` is not registered in \\[pytest\\] markers. Did you mean `slow`? See [markers are registered here](1).",
                at(marker, "message", "text"));
        Object related = at(marker, "relatedLocations", 0);
        assertEquals(1L, at(related, "id"));
        assertEquals("pytest.ini", at(related, "physicalLocation", "artifactLocation", "uri"));
        assertEquals("markers are registered here.", at(related, "message", "text"));
        assertEquals(Map.of("startLine", 2L, "startColumn", 1L, "endLine", 2L, "endColumn", 8L), at(related, "physicalLocation", "region"));
    }

    @Test
    void fingerprintsCountOccurrencesAndIgnoreLineMoves() {
        List<Object> results = array(at(JsonTree.parse(sarif(Samples.report())), "runs", 0, "results"));
        List<String> prints = results.stream().map(r -> (String) at(r, "partialFingerprints", "lintgate/v1")).toList();
        assertEquals(prints.size(), prints.stream().distinct().count(), "equal findings differ by occurrence");
        assertTrue(prints.stream().allMatch(p -> p.matches("[0-9a-f]{32}")));

        // the same findings three lines further down keep their fingerprints
        List<Finding> moved = Samples.findings().stream().map(f -> new Finding(f.code(), f.severity(), f.message(),
                new Location(f.location().path(), new Region(f.location().region().startLine() + 3, f.location().region().startColumn(),
                        f.location().region().endLine() + 3, f.location().region().endColumn())),
                f.related(), f.fixHint(), f.anchor())).toList();
        Report shifted = new Report(moved, List.of(), Samples.rules(), "0.1.0", 18, true, SourceLines.NONE);
        List<Object> movedResults = array(at(JsonTree.parse(sarif(shifted)), "runs", 0, "results"));
        assertEquals(prints, movedResults.stream().map(r -> (String) at(r, "partialFingerprints", "lintgate/v1")).toList());
    }

    @Test
    void emptyRunStillListsRulesAndIsValid() {
        Object run = at(JsonTree.parse(sarif(Samples.empty())), "runs", 0);
        assertEquals(List.of(), at(run, "results"));
        assertEquals(3, array(at(run, "tool", "driver", "rules")).size());
        assertEquals(true, at(run, "invocations", 0, "executionSuccessful"));
        assertNull(at(run, "invocations", 0, "toolExecutionNotifications"));
    }

    @Test
    void notificationsAndFailedExecutionGoToTheInvocation() {
        Report failed = new Report(Samples.findings(), Samples.notifications(), Samples.rules(), "0.1.0", 18, false, SourceLines.NONE);
        Object invocation = at(JsonTree.parse(sarif(failed)), "runs", 0, "invocations", 0);
        assertEquals(false, at(invocation, "executionSuccessful"));
        Object note = at(invocation, "toolExecutionNotifications", 0);
        assertEquals("warning", at(note, "level"));
        assertEquals("setup.cfg could not be parsed: line 3: expected '='", at(note, "message", "text"));
        assertEquals("setup.cfg", at(note, "locations", 0, "physicalLocation", "artifactLocation", "uri"));
    }

    @Test
    void deterministicAndFreeOfMachineDetails() {
        String a = sarif(Samples.report());
        String b = Render.of(new SarifReporter(), Samples.report());
        assertEquals(a, b);
        assertFalse(a.contains("file:"));
        assertFalse(a.contains(System.getProperty("user.dir")));
        assertFalse(a.contains("Time"), "no timestamps");
        assertFalse(a.contains("\r"));
        assertTrue(a.endsWith("}\n"));
    }

    @Test
    void categoryOnlyWhenConfigured() {
        Object withCategory = JsonTree.parse(sarif_(new SarifReporter(SarifReporter.Options.DEFAULT.withCategory("lintgate")), Samples.report()));
        assertEquals("lintgate/", at(withCategory, "runs", 0, "automationDetails", "id"));
        String slashed = Render.of(new SarifReporter(SarifReporter.Options.DEFAULT.withCategory("py/lint/")), Samples.report());
        SarifValidation.assertValid(slashed);
        assertEquals("py/lint/", at(JsonTree.parse(slashed), "runs", 0, "automationDetails", "id"));
        assertNull(at(JsonTree.parse(sarif_(new SarifReporter(SarifReporter.Options.DEFAULT.withCategory("  ")), Samples.report())), "runs", 0, "automationDetails"));
    }

    @Test
    void capKeepsTheMostSevereAndSaysSo() {
        String out = Render.of(new SarifReporter(SarifReporter.Options.DEFAULT, 3), Samples.report());
        SarifValidation.assertValid(out);
        Object run = at(JsonTree.parse(out), "runs", 0);
        List<Object> results = array(at(run, "results"));
        assertEquals(3, results.size());
        assertTrue(results.stream().allMatch(r -> "error".equals(at(r, "level"))));
        assertEquals(Map.of("startLine", 2L, "startColumn", 42L, "endLine", 2L, "endColumn", 64L),
                at(results.get(0), "locations", 0, "physicalLocation", "region"));
        String text = (String) at(run, "invocations", 0, "toolExecutionNotifications", 1, "message", "text");
        assertEquals("Only the 3 most severe of 7 results are in this SARIF file, the most GitHub accepts in one run; "
                + "4 results left out. The text and JSON formats list them all.", text);
    }

    @Test
    void realCapIs25000() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= 25_001; i++) {
            many.add(Samples.finding("LG301", Severity.NOTE, "big.py", Region.of(i, 1, 2), "note " + i, List.of(), null, null));
        }
        many.add(Samples.finding("LG101", Severity.ERROR, "z.py", Region.of(1, 1, 2), "the error", List.of(), null, "x"));
        Report report = new Report(many, List.of(), Samples.rules(), "0.1.0", 2, true, SourceLines.NONE);
        assertEquals(2, new SarifReporter().resultsLeftOut(report));
        java.util.Locale before = java.util.Locale.getDefault();
        String out;
        try {
            // same bytes on a German desktop as on CI
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            out = Render.of(new SarifReporter(), report);
        } finally {
            java.util.Locale.setDefault(before);
        }
        SarifValidation.assertValid(out);
        List<Object> results = array(at(JsonTree.parse(out), "runs", 0, "results"));
        assertEquals(25_000, results.size());
        assertEquals("the error", at(results.get(results.size() - 1), "message", "text"));
        assertTrue(out.contains("Only the 25,000 most severe of 25,002 results"));
    }

    @Test
    void unknownRuleCodeGetsNoRuleIndex() {
        Finding stray = Samples.finding("LG999", Severity.ERROR, "a.py", Region.of(1, 1, 2), "m", List.of(), null, null);
        String out = Render.of(new SarifReporter(), new Report(List.of(stray), List.of(), Samples.rules(), "0.1.0", 1, true, SourceLines.NONE));
        assertNull(at(JsonTree.parse(out), "runs", 0, "results", 0, "ruleIndex"));
        // valid SARIF, but lintgate promises every result's rule is in the catalog
        assertEquals(List.of("result 0: ruleId LG999 is not a known rule"), SarifValidation.problems(out));
    }

    @Test
    void longDescriptionsAreCutAt1024() {
        String longText = "word ".repeat(400).strip();
        RuleDoc doc = new RuleDoc("LG900", "long", "s", Severity.ERROR, "c", "0.1.0", Fixability.NEVER, false, List.of(), List.of(), "LG900-long.md",
                "## What it checks\n\n" + longText, List.of(new RuleDoc.Section("What it checks", longText)));
        String out = sarif(new Report(List.of(), List.of(), List.of(doc), "0.2.0-rc.1", 0, true, SourceLines.NONE));
        Object rule = at(JsonTree.parse(out), "runs", 0, "tool", "driver", "rules", 0);
        String full = (String) at(rule, "fullDescription", "text");
        assertTrue(full.length() <= 1024 && full.endsWith("word…"), full);
        assertEquals(false, at(rule, "defaultConfiguration", "enabled"));
        assertEquals("0.2.0-rc.1", at(JsonTree.parse(out), "runs", 0, "tool", "driver", "semanticVersion"));
    }

    @Test
    void duplicateRulesAreRefusedBeforeTheyReachGithub() {
        List<RuleDoc> twice = List.of(Samples.rules().get(0), Samples.rules().get(0));
        try {
            new Report(List.of(), List.of(), twice, "0.1.0", 0, true, SourceLines.NONE);
        } catch (IllegalArgumentException e) {
            assertEquals("rule LG210 listed twice", e.getMessage());
            return;
        }
        throw new AssertionError("duplicate rules accepted");
    }

    @Test
    void notificationWithoutLocationIsValid() {
        Report r = new Report(List.of(), List.of(new Notification(Severity.ERROR, "internal error", null)), Samples.rules(), "0.1.0", 0, false, SourceLines.NONE);
        Object note = at(JsonTree.parse(sarif(r)), "runs", 0, "invocations", 0, "toolExecutionNotifications", 0);
        assertEquals("error", at(note, "level"));
        assertNull(at(note, "locations"));
        assertNotEquals(null, at(note, "message", "text"));
    }

    @Test
    void sourceRootOnlyWhenAskedAndOnlyAbsolute() {
        String out = sarif_(new SarifReporter(SarifReporter.Options.DEFAULT.withSourceRoot("file:///home/ci/work/")), Samples.report());
        assertEquals("file:///home/ci/work/", at(JsonTree.parse(out), "runs", 0, "originalUriBaseIds", "%SRCROOT%", "uri"));
        assertEquals("src/app/my%20module.py", at(JsonTree.parse(out), "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"));
        for (String bad : List.of("file:///home/ci/work", "/home/ci/work/", "work/")) {
            try {
                SarifReporter.Options.DEFAULT.withSourceRoot(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // Multitool SARIF1004: a base id must be absolute and end in '/'
            }
        }
    }

    @Test
    void lineHashFromTheSourcesByDefault() {
        String plain = sarif_(new SarifReporter(SarifReporter.Options.DEFAULT.withLineHash(false)), Samples.report());
        assertFalse(plain.contains("primaryLocationLineHash"));
        String out = sarif(Samples.report());
        List<Object> results = array(at(JsonTree.parse(out), "runs", 0, "results"));
        List<String> expected = LineHash.of(Samples.FILES.get(Samples.SPACED));
        assertEquals(expected.get(1), at(results.get(0), "partialFingerprints", "primaryLocationLineHash"));
        assertEquals(expected.get(11), at(results.get(4), "partialFingerprints", "primaryLocationLineHash"));
        // no source for vendor/gone.py: left for upload-sarif to compute
        assertNull(at(results.get(6), "partialFingerprints", "primaryLocationLineHash"));
        assertTrue(((String) at(results.get(0), "partialFingerprints", "lintgate/v1")).matches("[0-9a-f]{32}"));
    }

    @Test
    void versionControlProvenanceMapsToTheSourceRoot() {
        SarifReporter.Options options = SarifReporter.Options.DEFAULT.withSourceRoot("file:///home/ci/work/")
                .withVersionControl(new SarifReporter.VersionControl("https://github.com/acme/svc", "0123456789abcdef0123456789abcdef01234567", "main"));
        Object run = at(JsonTree.parse(sarif_(new SarifReporter(options), Samples.report())), "runs", 0);
        assertEquals("https://github.com/acme/svc", at(run, "versionControlProvenance", 0, "repositoryUri"));
        assertEquals("0123456789abcdef0123456789abcdef01234567", at(run, "versionControlProvenance", 0, "revisionId"));
        assertEquals("main", at(run, "versionControlProvenance", 0, "branch"));
        assertEquals("%SRCROOT%", at(run, "versionControlProvenance", 0, "mappedTo", "uriBaseId"));
        Object detached = at(JsonTree.parse(sarif_(new SarifReporter(options.withVersionControl(
                new SarifReporter.VersionControl("https://github.com/acme/svc", null, null))), Samples.report())), "runs", 0);
        assertNull(at(detached, "versionControlProvenance", 0, "branch"));
    }

    private static String sarif_(SarifReporter reporter, Report report) {
        String out = Render.of(reporter, report);
        SarifValidation.assertValid(out);
        return out;
    }
}
