package dev.lintgate.report;

import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Markdown for {@code $GITHUB_STEP_SUMMARY}: the summary line, findings per rule, and the findings themselves
 * folded away. It carries what the ten-per-level annotation cap hides, within GitHub's 1 MiB per step.
 */
public final class StepSummaryReporter implements Reporter {

    static final int MAX_ROWS = 500;

    @Override
    public void write(Report report, Writer out) throws IOException {
        RuleTable rules = new RuleTable(report.rules());
        out.write("## lintgate\n\n");
        out.write(report.tally().summary(report.filesChecked(), report.executionSuccessful()) + "\n");
        if (report.findings().isEmpty()) {
            out.flush();
            return;
        }

        Map<String, Integer> perRule = new TreeMap<>();
        for (Finding f : report.findings()) perRule.merge(f.code(), 1, Integer::sum);
        out.write("\n| Rule | Findings |\n|---|---:|\n");
        for (Map.Entry<String, Integer> e : perRule.entrySet()) {
            String label = e.getKey() + rules.rule(e.getKey()).map(r -> " " + r.name()).orElse("");
            String cell = rules.rule(e.getKey()).map(RuleDoc::helpUri)
                    .map(url -> "[" + cell(label) + "](" + url + ")").orElse(cell(label));
            out.write("| " + cell + " | " + e.getValue() + " |\n");
        }

        out.write("\n<details><summary>" + Tally.plural(report.findings().size(), "finding") + "</summary>\n\n");
        out.write("| Severity | Location | Rule | Message |\n|---|---|---|---|\n");
        int rows = 0;
        for (Finding f : report.findings()) {
            if (rows++ == MAX_ROWS) break;
            out.write("| " + f.severity().label() + " | " + location(f.location()) + " | " + f.code() + " | " + cell(f.message()) + " |\n");
        }
        int more = report.findings().size() - MAX_ROWS;
        if (more > 0) out.write("\n…and " + more + " more; the full list is in the text output and the SARIF upload.\n");
        out.write("\n</details>\n");
        out.flush();
    }

    private static String location(Location at) {
        String text = at.toString();
        return text.contains("`") ? cell(text) : "`" + text.replace("|", "\\|") + "`";
    }

    /** Table cells end at '|' and newlines; GitHub would also swallow anything that looks like an HTML tag. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\r", " ").replace("\n", " ");
    }
}
