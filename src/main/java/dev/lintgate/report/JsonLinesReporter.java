package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lintgate.finding.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * One finding per line, each the same object as in the JSON format, for tools that stream or {@code grep}.
 * Nothing else: no summary, no notifications (use the JSON format for those).
 */
public final class JsonLinesReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        if (report.shown().isEmpty()) return;
        RuleTable rules = new RuleTable(report.rules());
        JsonGenerator gen = JsonWriting.openLines(out);
        JsonReporter.writeFindings(gen, report, rules);
        JsonWriting.close(gen, out);
    }
}
