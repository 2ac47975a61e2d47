package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    @Test
    void fullFormatShowsFramesHelpNotesNotificationsAndSummary() {
        String expected = """
                src/app/my module.py:2:42: LG101 `DatabaseSessionManager` is deprecated and imported at import time
                  |
                2 | from app.database.session_manager import DatabaseSessionManager
                  |                                          ^^^^^^^^^^^^^^^^^^^^^^
                  |
                  = help: Import `SessionManager` instead.

                src/app/my module.py:3:21: LG101 `legacy` is deprecated and imported at import time
                  |
                3 |     name = '😀'; import legacy
                  |                         ^^^^^^
                  |

                src/app/my module.py:4:6: LG301 Wide characters
                  |
                4 | x = '日本'  # 日本語
                  |      ^^^^
                  |

                src/app/my module.py:5:1: LG101 `legacy` is deprecated and imported at import time
                  |
                5 | from legacy import (
                  | ^^^^^^^^^^^^^^^^^^^^
                  |

                src/app/my module.py:12:1: LG301 Whole line
                   |
                12 |     import legacy.sub
                   |     ^^^^^^^^^^^^^^^^^
                   |

                tests/tëst_😀 ünï.py:3:2: LG210 Marker `slwo` is not registered in [pytest] markers
                  |
                3 | @pytest.mark.slwo
                  |  ^^^^^^^^^^^^^^^^
                  |
                  = help: Did you mean `slow`?
                  = note: pytest.ini:2:1: markers are registered here.

                vendor/gone.py:1:1: LG101 `legacy` is deprecated and imported at import time

                setup.cfg:3: warning: setup.cfg could not be parsed: line 3: expected '='
                Found 4 errors, 1 warning, 2 notes in 3 files (18 files checked).
                """;
        assertEquals(expected, Render.of(TextReporter.full(false), Samples.report()));
    }

    @Test
    void conciseFormatIsOneLinePerFinding() {
        String expected = """
                src/app/my module.py:2:42: LG101 `DatabaseSessionManager` is deprecated and imported at import time
                src/app/my module.py:3:21: LG101 `legacy` is deprecated and imported at import time
                src/app/my module.py:4:6: LG301 Wide characters
                src/app/my module.py:5:1: LG101 `legacy` is deprecated and imported at import time
                src/app/my module.py:12:1: LG301 Whole line
                tests/tëst_😀 ünï.py:3:2: LG210 Marker `slwo` is not registered in [pytest] markers
                vendor/gone.py:1:1: LG101 `legacy` is deprecated and imported at import time
                setup.cfg:3: warning: setup.cfg could not be parsed: line 3: expected '='
                Found 4 errors, 1 warning, 2 notes in 3 files (18 files checked).
                """;
        assertEquals(expected, Render.of(TextReporter.concise(false), Samples.report()));
    }

    @Test
    void cleanRunSaysAllChecksPassed() {
        assertEquals("All checks passed (18 files checked).\n", Render.of(TextReporter.full(false), Samples.empty()));
        Report one = new Report(List.of(), List.of(), List.of(), "0.1.0", 1, true, SourceLines.NONE);
        assertEquals("All checks passed (1 file checked).\n", Render.of(TextReporter.concise(false), one));
    }

    @Test
    void incompleteRunDoesNotClaimSuccess() {
        Report failed = new Report(List.of(), List.of(), List.of(), "0.1.0", 3, false, SourceLines.NONE);
        assertEquals("No problems found, but the check did not complete (3 files checked).\n",
                Render.of(TextReporter.concise(false), failed));
    }

    @Test
    void summaryCountsSingularAndPlural() {
        Finding one = Samples.finding("LG101", Severity.ERROR, "a.py", Region.of(1, 1, 2), "m", List.of(), null, null);
        Report report = new Report(List.of(one, one.withSeverity(Severity.WARNING)), List.of(), List.of(), "0.1.0", 2, true, SourceLines.NONE);
        assertTrue(Render.of(TextReporter.concise(false), report).endsWith("Found 1 error, 1 warning in 1 file (2 files checked).\n"));
    }

    @Test
    void colourOnlyWhenAsked() {
        String plain = Render.of(TextReporter.full(false), Samples.report());
        String coloured = Render.of(TextReporter.full(true), Samples.report());
        assertFalse(plain.contains("\u001b"));
        assertTrue(coloured.contains("\u001b[1msrc/app/my module.py\u001b[0m:2:42: \u001b[1;31mLG101\u001b[0m "));
        assertTrue(coloured.contains("\u001b[1;33mLG210\u001b[0m"));
        assertTrue(coloured.contains("\u001b[1;36mLG301\u001b[0m"));
        assertTrue(coloured.contains("  |                                          \u001b[1;31m^^^^^^^^^^^^^^^^^^^^^^\u001b[0m\n"));
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void tabsExpandToTabStopsAndCaretsCoverThem() {
        assertFrame("a\tb = 1", Region.of(1, 2, 4), "1 | a   b = 1", "  |  ^^^^");
        assertFrame("\t\tx", Region.of(1, 3, 4), "1 |         x", "  |         ^");
    }

    @Test
    void combiningMarksTakeNoCellAndAstralCharactersAreOneColumn() {
        // "é" as e + U+0301: two columns, one cell
        assertFrame("e\u0301 = 𝒳 + y", Region.of(1, 6, 7), "1 | e\u0301 = 𝒳 + y", "  |     ^");
        assertFrame("s = '🐍🐍' + y", Region.of(1, 6, 8), "1 | s = '🐍🐍' + y", "  |      ^^^^");
    }

    @Test
    void controlAndBidiCharactersAreShownNotObeyed() {
        assertFrame("a = 1\u001b[2J", Region.of(1, 6, 7), "1 | a = 1␛[2J", "  |      ^");
        assertFrame("s = '\u202e' # x", Region.of(1, 10, 11), "1 | s = '<U+202E>' # x", "  |                 ^");
    }

    @Test
    void emptyAndOverlongRegionsStillPointSomewhere() {
        assertFrame("import os", Region.of(1, 8, 8), "1 | import os", "  |        ^");
        assertFrame("import os", Region.of(1, 8, 40), "1 | import os", "  |        ^^");
        assertFrame("import os", Region.of(1, 10, 10), "1 | import os", "  |          ^");
    }

    @Test
    void noFrameWithoutTheLine() {
        assertTrue(CodeFrame.of(List.of("only one line"), Region.of(2, 1, 2)).isEmpty());
        assertTrue(CodeFrame.of(List.of(), Region.of(1, 1, 2)).isEmpty());
    }

    @Test
    void relatedWithoutMessageShowsOnlyWhere() {
        Finding f = new Finding("LG210", Severity.WARNING, "m", new dev.lintgate.finding.Location("a.py", Region.of(1, 1, 2)),
                List.of(new dev.lintgate.finding.Related(new dev.lintgate.finding.Location("b.ini", Region.of(4, 5, 6)), null)), null, null);
        Report report = new Report(List.of(f), List.of(), List.of(), "0.1.0", 1, true, SourceLines.NONE);
        assertEquals("a.py:1:1: LG210 m\n  = note: b.ini:4:5\n\nFound 1 warning in 1 file (1 file checked).\n",
                Render.of(TextReporter.full(false), report));
    }

    @Test
    void controlCharactersInPathsAndMessagesAreDefused() {
        Finding f = Samples.finding("LG210", Severity.WARNING, "evil\u001b[2J.py", Region.of(1, 1, 2), "marker `a\u001b]0;x\u0007`\nnext",
                List.of(), null, null);
        Report report = new Report(List.of(f), List.of(), List.of(), "0.1.0", 1, true, SourceLines.NONE);
        assertEquals("evil␛[2J.py:1:1: LG210 marker `a␛]0;x␇`␊next\n", Render.of(TextReporter.concise(false), report).lines().findFirst().get() + "\n");
    }

    /** C1 controls act on terminals too: U+009B is a one-char CSI, U+0085 a line break. */
    @Test
    void c1ControlsInPathsMessagesAndFramesAreDefused() {
        Finding f = Samples.finding("LG107", Severity.ERROR, "a\u009b2Jb\u0085.py", Region.of(1, 1, 2), "`x\u009b31m` is not defined",
                List.of(), "help\u0085me", null);
        Report report = new Report(List.of(f), List.of(), List.of(), "0.1.0", 1, true, path -> List.of("x\u009b31m = 1"));
        String out = Render.of(TextReporter.full(false), report);
        assertTrue(out.startsWith("a<U+009B>2Jb<U+0085>.py:1:1: LG107 `x<U+009B>31m` is not defined\n"), out);
        assertTrue(out.contains("1 | x<U+009B>31m = 1"), out);
        assertTrue(out.contains("= help: help<U+0085>me"), out);
        assertFalse(out.chars().anyMatch(c -> c >= 0x80 && c <= 0x9f), out);
    }

    /**
     * A generated line of 40,000 chars with 5,000 findings on it was printed whole under each: 250 MB of text. A long
     * line is shown around its region only, the cut ends marked.
     */
    @Test
    void longLinesAreShownAroundTheRegion() {
        String line = "x = [" + "a0, b1, ".repeat(2500) + "zz]";
        for (int column : new int[] {1, 6, 9000, 20001, line.length()}) {
            CodeFrame frame = CodeFrame.of(List.of(line), Region.of(1, column, column + 2)).orElseThrow();
            assertTrue(frame.text().length() <= CodeFrame.LONGEST_SHOWN + 2, frame.text());
            assertEquals(column > CodeFrame.CONTEXT + 1, frame.text().startsWith("\u2026"), frame.text());
            assertEquals(column + 2 + CodeFrame.CONTEXT <= line.length(), frame.text().endsWith("\u2026"), frame.text());
            // the carets stand under the region's own chars
            assertEquals(line.substring(column - 1, Math.min(line.length(), column + 1)),
                    frame.text().substring(frame.caretOffset(), frame.caretOffset() + frame.caretWidth()).replace("\u2026", ""));
        }
        // a line of 320 code points or fewer is shown whole, as before
        String short200 = "y".repeat(CodeFrame.LONGEST_SHOWN);
        assertEquals(short200, CodeFrame.of(List.of(short200), Region.of(1, 150, 151)).orElseThrow().text());
    }

    private static void assertFrame(String line, Region region, String sourceLine, String caretLine) {
        Finding f = Samples.finding("LG101", Severity.ERROR, "a.py", region, "m", List.of(), null, null);
        Report report = new Report(List.of(f), List.of(), List.of(), "0.1.0", 1, true, path -> List.of(line));
        String[] lines = Render.of(TextReporter.full(false), report).split("\n");
        assertEquals(sourceLine, lines[2]);
        assertEquals(caretLine, lines[3]);
    }
}
