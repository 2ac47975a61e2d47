package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepSummaryReporterTest {

    @Test
    void countsPerRuleAndFoldedFindings() {
        String expected = """
                ## lintgate

                Found 4 errors, 1 warning, 2 notes in 3 files (18 files checked).

                | Rule | Findings |
                |---|---:|
                | [LG101 deprecated-runtime-import](https://github.com/lintgate/lintgate/blob/main/rules/LG101-deprecated-runtime-import.md) | 4 |
                | [LG210 unknown-marker](https://github.com/lintgate/lintgate/blob/main/rules/LG210-unknown-marker.md) | 1 |
                | [LG301 loop-scope](https://github.com/lintgate/lintgate/blob/main/rules/LG301-loop-scope.md) | 2 |

                <details><summary>7 findings</summary>

                | Severity | Location | Rule | Message |
                |---|---|---|---|
                | error | `src/app/my module.py:2:42` | LG101 | `DatabaseSessionManager` is deprecated and imported at import time |
                | error | `src/app/my module.py:3:21` | LG101 | `legacy` is deprecated and imported at import time |
                | note | `src/app/my module.py:4:6` | LG301 | Wide characters |
                | error | `src/app/my module.py:5:1` | LG101 | `legacy` is deprecated and imported at import time |
                | note | `src/app/my module.py:12:1` | LG301 | Whole line |
                | warning | `tests/tëst_😀 ünï.py:3:2` | LG210 | Marker `slwo` is not registered in [pytest] markers |
                | error | `vendor/gone.py:1:1` | LG101 | `legacy` is deprecated and imported at import time |

                </details>
                """;
        assertEquals(expected, Render.of(new StepSummaryReporter(), Samples.report()));
    }

    @Test
    void cleanRun() {
        assertEquals("## lintgate\n\nAll checks passed (18 files checked).\n", Render.of(new StepSummaryReporter(), Samples.empty()));
    }

    @Test
    void cellsCannotBreakTheTableAndLongListsAreCut() {
        List<Finding> many = new ArrayList<>();
        for (int i = 1; i <= StepSummaryReporter.MAX_ROWS + 2; i++) {
            many.add(Samples.finding("LG101", Severity.ERROR, "a.py", Region.of(i, 1, 2), "a | b <script>\nc", List.of(), null, null));
        }
        String out = Render.of(new StepSummaryReporter(), new Report(many, List.of(), List.of(), "0.1.0", 1, true, SourceLines.NONE));
        assertTrue(out.contains("| error | `a.py:1:1` | LG101 | a \\| b &lt;script> c |\n"), out.substring(0, 400));
        assertTrue(out.contains("\n…and 2 more; the full list is in the text output and the SARIF upload.\n"));
        assertEquals(StepSummaryReporter.MAX_ROWS, out.lines().filter(l -> l.startsWith("| error")).count());
    }
}
