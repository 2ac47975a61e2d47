package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    @Test
    void oneCommandPerFindingWithTitleHintAndNotes() {
        String expected = """
                ::error file=src/app/my module.py,line=2,endLine=2,col=42,endColumn=64,title=LG101 deprecated-runtime-import::`DatabaseSessionManager` is deprecated and imported at import time%0Ahelp: Import `SessionManager` instead.
                ::error file=src/app/my module.py,line=3,endLine=3,col=21,endColumn=27,title=LG101 deprecated-runtime-import::`legacy` is deprecated and imported at import time
                ::notice file=src/app/my module.py,line=4,endLine=4,col=6,endColumn=8,title=LG301 loop-scope::Wide characters
                ::error file=src/app/my module.py,line=5,endLine=7,title=LG101 deprecated-runtime-import::`legacy` is deprecated and imported at import time
                ::notice file=src/app/my module.py,line=12,endLine=12,title=LG301 loop-scope::Whole line
                ::warning file=tests/tëst_😀 ünï.py,line=3,endLine=3,col=2,endColumn=18,title=LG210 unknown-marker::Marker `slwo` is not registered in [pytest] markers%0Ahelp: Did you mean `slow`?%0Anote: pytest.ini:2:1: markers are registered here.
                ::error file=vendor/gone.py,line=1,endLine=1,col=1,endColumn=7,title=LG101 deprecated-runtime-import::`legacy` is deprecated and imported at import time
                ::warning file=setup.cfg,line=3,endLine=3,title=lintgate::setup.cfg could not be parsed: line 3: expected '='
                """;
        assertEquals(expected, Render.of(new GithubReporter(), Samples.report()));
    }

    @Test
    void nothingForACleanRun() {
        assertEquals("", Render.of(new GithubReporter(), Samples.empty()));
    }

    @Test
    void escapesDataAndProperties() {
        Finding f = new Finding("LG101", Severity.ERROR, "100% broken\r\nsecond line: a, b", new Location("odd:dir,x/a%b.py", Region.of(1, 1, 2)),
                List.of(), null, null);
        String out = Render.of(new GithubReporter(), new Report(List.of(f), List.of(), List.of(), "0.1.0", 1, true, SourceLines.NONE));
        assertEquals("::error file=odd%3Adir%2Cx/a%25b.py,line=1,endLine=1,col=1,endColumn=2,title=LG101::100%25 broken%0D%0Asecond line: a, b\n", out);
        assertEquals("a%3Ab%2Cc%25d%0A", GithubReporter.property("a:b,c%d\n"));
        assertEquals("a:b,c%25d%0D", GithubReporter.data("a:b,c%d\r"));
    }

    /** The runner hands workflow commands to the log viewer: raw ESC and BEL from a file name must not reach it. */
    @Test
    void controlCharactersAreShownNotPassedOn() {
        Finding f = new Finding("LG107", Severity.ERROR, "`a\u001b]0;x\u0007` is not defined", new Location("b\u001b[31m\u009b.py", Region.of(1, 1, 2)),
                List.of(), null, null);
        String out = Render.of(new GithubReporter(), new Report(List.of(f), List.of(), List.of(), "0.1.0", 1, true, SourceLines.NONE));
        assertEquals("::error file=b␛[31m<U+009B>.py,line=1,endLine=1,col=1,endColumn=2,title=LG107::`a␛]0;x␇` is not defined\n", out);
    }

    @Test
    void tenPerLevelThenOneNoticeWithTheHiddenCounts() {
        List<Finding> findings = new ArrayList<>();
        add(findings, Severity.ERROR, 12);
        add(findings, Severity.WARNING, 11);
        add(findings, Severity.NOTE, 3);
        List<String> lines = lines(findings);
        assertEquals(10, count(lines, "::error "));
        assertEquals(10, count(lines, "::warning "));
        assertEquals(4, count(lines, "::notice "));
        assertEquals("::notice title=lintgate%3A more findings::2 errors, 1 warning not shown as annotations: GitHub shows 10 per level per step. "
                + "The full list is in the SARIF upload and the text output.", lines.get(lines.size() - 1));
        // the first ten of each level are the ones shown, in report order
        assertEquals("::error file=f.py,line=1,endLine=1,col=1,endColumn=2,title=LG101 deprecated-runtime-import::error 1", lines.get(0));
    }

    @Test
    void overflowNoticeKeepsItsOwnSlotAmongNotices() {
        List<Finding> findings = new ArrayList<>();
        add(findings, Severity.NOTE, 15);
        List<String> lines = lines(findings);
        assertEquals(10, lines.size(), "GitHub drops the 11th notice, so the summary must be one of the ten");
        assertEquals(10, count(lines, "::notice "));
        assertEquals("::notice title=lintgate%3A more findings::6 notes not shown as annotations: GitHub shows 10 per level per step. "
                + "The full list is in the SARIF upload and the text output.", lines.get(9));
    }

    @Test
    void exactlyTenOfEachNeedsNoNotice() {
        List<Finding> findings = new ArrayList<>();
        add(findings, Severity.ERROR, 10);
        add(findings, Severity.NOTE, 10);
        List<String> lines = lines(findings);
        assertEquals(20, lines.size());
        assertFalse(lines.stream().anyMatch(l -> l.contains("not shown")));
    }

    @Test
    void relatedPlacesAndHintGoIntoTheMessage() {
        Finding f = new Finding("LG210", Severity.WARNING, "m", new Location("a.py", Region.of(1, 1, 2)),
                List.of(new Related(new Location("b.ini", Region.of(4, 5, 6)), "here")), "fix it", null);
        String out = Render.of(new GithubReporter(), new Report(List.of(f), List.of(), Samples.rules(), "0.1.0", 1, true, SourceLines.NONE));
        assertEquals("::warning file=a.py,line=1,endLine=1,col=1,endColumn=2,title=LG210 unknown-marker::m%0Ahelp: fix it%0Anote: b.ini:4:5: here\n", out);
    }

    private static void add(List<Finding> findings, Severity severity, int n) {
        for (int i = 1; i <= n; i++) {
            findings.add(Samples.finding("LG101", severity, "f.py", Region.of(i, 1, 2), severity.label() + " " + i, List.of(), null, null));
        }
    }

    private static List<String> lines(List<Finding> findings) {
        Report report = new Report(findings, List.of(), Samples.rules(), "0.1.0", 1, true, SourceLines.NONE);
        return Arrays.asList(Render.of(new GithubReporter(), report).split("\n"));
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
