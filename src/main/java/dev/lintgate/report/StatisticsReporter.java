package dev.lintgate.report;

import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --statistics}, as ruff prints it: one line per rule that reported, the count, the code and the rule's
 * name, most frequent first, then the summary line. Baselined findings are not counted (they are in the summary).
 */
public final class StatisticsReporter implements Reporter {
    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Finding f : report.findings()) counts.merge(f.code(), 1, Integer::sum);
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        RuleTable rules = new RuleTable(report.rules());
        int width = rows.stream().mapToInt(e -> Integer.toString(e.getValue()).length()).max().orElse(1);
        for (Map.Entry<String, Integer> e : rows) {
            String name = rules.rule(e.getKey()).map(RuleDoc::name).orElse("");
            out.write(String.format("%" + width + "d\t%s\t%s%n", e.getValue(), e.getKey(), name).replace(System.lineSeparator(), "\n"));
        }
        out.write(report.summary());
        out.write('\n');
        out.flush();
    }
}
