package dev.lintgate.report;

import static dev.lintgate.report.JsonTree.array;
import static dev.lintgate.report.JsonTree.at;
import static dev.lintgate.report.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static Object json(Report report) {
        return JsonTree.parse(Render.of(new JsonReporter(), report));
    }

    @Test
    void headerToolAndSummary() {
        Object doc = json(Samples.report());
        assertEquals(List.of("version", "tool", "summary", "findings", "fixed", "notifications"), List.copyOf(object(doc).keySet()));
        assertEquals(1L, at(doc, "version"));
        assertEquals(Map.of("name", "lintgate", "version", "0.1.0"), at(doc, "tool"));
        assertEquals(Map.of("files", 18L, "errors", 4L, "warnings", 1L, "notes", 2L, "executionSuccessful", true,
                "baselined", 0L, "fixed", 0L), at(doc, "summary"));
    }

    @Test
    void findingFieldByField() {
        Object first = at(json(Samples.report()), "findings", 0);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("code", "LG101");
        expected.put("name", "deprecated-runtime-import");
        expected.put("severity", "error");
        expected.put("message", "`DatabaseSessionManager` is deprecated and imported at import time");
        expected.put("path", "src/app/my module.py");
        expected.put("line", 2L);
        expected.put("column", 42L);
        expected.put("endLine", 2L);
        expected.put("endColumn", 64L);
        expected.put("fix", "Import `SessionManager` instead.");
        Map<String, Object> autofix = new LinkedHashMap<>();
        autofix.put("applicability", "unsafe");
        autofix.put("message", "Import `app.database.session_manager.SessionManager`");
        autofix.put("path", "src/app/my module.py");
        autofix.put("edits", List.of(Map.of("line", 2L, "column", 42L, "endLine", 2L, "endColumn", 64L, "content", "SessionManager")));
        autofix.put("otherFiles", List.of());
        expected.put("autofix", autofix);
        expected.put("related", List.of());
        expected.put("url", "https://github.com/lintgate/lintgate/blob/main/rules/LG101-deprecated-runtime-import.md");
        expected.put("fingerprint", Fingerprint.key(Samples.report().findings().get(0)));
        // no baseline in this run
        expected.put("baselineState", null);
        assertEquals(expected, first);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(object(first).keySet()), "field order is part of the format");
    }

    @Test
    void unicodePathsRelatedLocationsAndNullFix() {
        Object doc = json(Samples.report());
        assertEquals(7, array(at(doc, "findings")).size());
        Object marker = at(doc, "findings", 5);
        assertEquals("tests/tëst_😀 ünï.py", at(marker, "path"));
        assertEquals("warning", at(marker, "severity"));
        assertEquals(List.of(Map.of("path", "pytest.ini", "line", 2L, "column", 1L, "endLine", 2L, "endColumn", 8L,
                "message", "markers are registered here.")), at(marker, "related"));
        Object multiLine = at(doc, "findings", 3);
        assertEquals(5L, at(multiLine, "line"));
        assertEquals(7L, at(multiLine, "endLine"));
        assertTrue(object(multiLine).containsKey("fix"));
        assertNull(at(multiLine, "fix"));
    }

    @Test
    void notificationsWithAndWithoutLocation() {
        Report r = new Report(List.of(), List.of(Samples.notifications().get(0), new Notification(Severity.ERROR, "boom", null)),
                Samples.rules(), "0.1.0", 0, false, SourceLines.NONE);
        Object doc = json(r);
        assertEquals(false, at(doc, "summary", "executionSuccessful"));
        Map<String, Object> located = new LinkedHashMap<>();
        located.put("level", "warning");
        located.put("message", "setup.cfg could not be parsed: line 3: expected '='");
        located.put("path", "setup.cfg");
        located.put("line", 3L);
        located.put("column", 1L);
        located.put("endLine", 3L);
        located.put("endColumn", 1L);
        assertEquals(located, at(doc, "notifications", 0));
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("level", "error");
        bare.put("message", "boom");
        for (String k : List.of("path", "line", "column", "endLine", "endColumn")) bare.put(k, null);
        assertEquals(bare, at(doc, "notifications", 1));
    }

    @Test
    void emptyReportIsCompactAndComplete() {
        String expected = """
                {
                  "version": 1,
                  "tool": {
                    "name": "lintgate",
                    "version": "0.1.0"
                  },
                  "summary": {
                    "files": 18,
                    "errors": 0,
                    "warnings": 0,
                    "notes": 0,
                    "executionSuccessful": true,
                    "baselined": 0,
                    "fixed": 0
                  },
                  "findings": [],
                  "fixed": [],
                  "notifications": []
                }
                """;
        assertEquals(expected, Render.of(new JsonReporter(), Samples.empty()));
    }

    @Test
    void unknownRuleHasNullNameAndUrl() {
        Finding stray = Samples.finding("LG999", Severity.NOTE, "a.py", Region.of(1, 1, 2), "m", List.of(), null, null);
        Object f = at(json(new Report(List.of(stray), List.of(), Samples.rules(), "0.1.0", 1, true, SourceLines.NONE)), "findings", 0);
        assertNull(at(f, "name"));
        assertNull(at(f, "url"));
        assertEquals("note", at(f, "severity"));
    }

    @Test
    void sameBytesEveryTimeAndNoAnsi() {
        String a = Render.of(new JsonReporter(), Samples.report());
        assertEquals(a, Render.of(new JsonReporter(), Samples.report()));
        assertFalse(a.contains("\u001b") || a.contains("\r"));
    }
}
