package dev.lintgate.report;

import dev.lintgate.catalog.Fixability;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Applicability;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made reports shared by the reporter tests: awkward paths, awkward characters, every severity. */
final class Samples {

    static final String SPACED = "src/app/my module.py";
    static final String UNICODE = "tests/tëst_😀 ünï.py";

    static final Map<String, List<String>> FILES = Map.of(
            SPACED, List.of(
                    "import os",
                    "from app.database.session_manager import DatabaseSessionManager",
                    "\tname = '😀'; import legacy",
                    "x = '日本'  # 日本語",
                    "from legacy import (",
                    "    a,",
                    ")",
                    "", "", "", "",
                    "    import legacy.sub   "),
            UNICODE, List.of(
                    "import pytest",
                    "",
                    "@pytest.mark.slwo",
                    "def test_é(): ..."),
            "pytest.ini", List.of(
                    "[pytest]",
                    "markers =",
                    "    slow: long tests"));

    private Samples() {
    }

    static RuleDoc rule(String code, String name, Severity severity, String summary, List<String> tags) {
        String checks = "Every `import` that runs at **import time** and names a target from `[[deprecated]]`:\n"
                + "\n- `from m import C`;\n- `import m` when `m` is deprecated.\n\nSee [PEP 702](https://peps.python.org/pep-0702/).";
        String markdown = "# " + code + " " + name + "\n\n## What it checks\n\n" + checks
                + "\n\n## Example\n\n```python\nimport legacy\n```\n";
        return new RuleDoc(code, name, summary, severity, "imports", "0.1.0", Fixability.NEVER, true, tags, List.of(),
                code + "-" + name + ".md", markdown,
                List.of(new RuleDoc.Section("What it checks", checks), new RuleDoc.Section("Example", "```python\nimport legacy\n```")));
    }

    static List<RuleDoc> rules() {
        return List.of(
                rule("LG210", "unknown-marker", Severity.WARNING, "A pytest marker is used but not registered",
                        List.of("pytest", "markers")),
                rule("LG101", "deprecated-runtime-import", Severity.ERROR,
                        "A deprecated module or class is imported where the import runs", List.of("imports", "deprecation")),
                rule("LG301", "loop-scope", Severity.NOTE, "asyncio loop scope is left to the default", List.of("pytest", "pytest")));
    }

    static Finding finding(String code, Severity severity, String path, Region region, String message,
                           List<Related> related, String fix, String anchor) {
        return new Finding(code, severity, message, new Location(path, region), related, fix, anchor);
    }

    static Finding withAutofix(Finding f, Fix fix) {
        return new Finding(f.code(), f.severity(), f.message(), f.location(), f.related(), f.fixHint(), f.anchor(), fix);
    }

    /** Sorted like the engine sorts: path, line, column, code. */
    static List<Finding> findings() {
        List<Finding> all = new ArrayList<>(List.of(
                withAutofix(finding("LG101", Severity.ERROR, SPACED, Region.of(2, 42, 64),
                        "`DatabaseSessionManager` is deprecated and imported at import time",
                        List.of(), "Import `SessionManager` instead.", "app.database.session_manager.DatabaseSessionManager"),
                        new Fix(SPACED, Applicability.UNSAFE, "Import `app.database.session_manager.SessionManager`",
                                List.of(new Edit(Region.of(2, 42, 64), "SessionManager")), null)),
                finding("LG101", Severity.ERROR, SPACED, Region.of(3, 21, 27),
                        "`legacy` is deprecated and imported at import time", List.of(), null, "legacy"),
                finding("LG301", Severity.NOTE, SPACED, Region.of(4, 6, 8),
                        "Wide characters", List.of(), null, null),
                finding("LG101", Severity.ERROR, SPACED, new Region(5, 1, 7, 2),
                        "`legacy` is deprecated and imported at import time", List.of(), null, "legacy"),
                finding("LG301", Severity.NOTE, SPACED, Region.line(12),
                        "Whole line", List.of(), null, null),
                finding("LG210", Severity.WARNING, UNICODE, Region.of(3, 2, 18),
                        "Marker `slwo` is not registered in [pytest] markers",
                        List.of(new Related(new Location("pytest.ini", Region.of(2, 1, 8)), "markers are registered here.")),
                        "Did you mean `slow`?", "slwo"),
                finding("LG101", Severity.ERROR, "vendor/gone.py", Region.of(1, 1, 7),
                        "`legacy` is deprecated and imported at import time", List.of(), null, "legacy")));
        all.sort(Finding.ORDER);
        return all;
    }

    static List<Notification> notifications() {
        return List.of(new Notification(Severity.WARNING, "setup.cfg could not be parsed: line 3: expected '='",
                new Location("setup.cfg", Region.line(3))));
    }

    static Report report() {
        return new Report(findings(), notifications(), rules(), "0.1.0", 18, true, sources());
    }

    static Report empty() {
        return new Report(List.of(), List.of(), rules(), "0.1.0", 18, true, sources());
    }

    static SourceLines sources() {
        return path -> FILES.getOrDefault(path, List.of());
    }
}
