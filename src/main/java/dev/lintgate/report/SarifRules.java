package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A rule page as a SARIF {@code reportingDescriptor}, with the limits GitHub enforces on each field. */
final class SarifRules {

    // GitHub shows ten tags per rule and rejects more than twenty
    private static final int MAX_TAGS = 10;
    private static final int MAX_DESCRIPTION = 1024;

    private SarifRules() {
    }

    static void write(JsonGenerator gen, RuleDoc rule) throws IOException {
        String summary = rule.summary() == null || rule.summary().isBlank() ? rule.name() : rule.summary();
        String checks = MarkdownText.plain(rule.section("What it checks"));
        String help = MarkdownText.plain(rule.markdown() == null ? "" : rule.markdown());

        gen.writeStartObject();
        gen.writeStringField("id", rule.code());
        gen.writeStringField("name", rule.name());
        SarifReporter.text(gen, "shortDescription", MarkdownText.truncate(summary, MAX_DESCRIPTION));
        SarifReporter.text(gen, "fullDescription", MarkdownText.truncate(checks.isEmpty() ? summary : checks, MAX_DESCRIPTION));
        gen.writeObjectFieldStart("help");
        gen.writeStringField("text", help.isEmpty() ? summary : help);
        if (rule.markdown() != null && !rule.markdown().isBlank()) gen.writeStringField("markdown", rule.markdown());
        gen.writeEndObject();
        gen.writeStringField("helpUri", rule.helpUri());
        gen.writeObjectFieldStart("defaultConfiguration");
        gen.writeStringField("level", rule.severity().label());
        if (!rule.enabledByDefault()) gen.writeBooleanField("enabled", false);
        gen.writeEndObject();

        gen.writeObjectFieldStart("properties");
        gen.writeArrayFieldStart("tags");
        // the schema wants tags unique; the category doubles as a filter tag
        List<String> tags = new ArrayList<>(rule.tags());
        if (rule.category() != null && !rule.category().isBlank()) tags.add(rule.category());
        for (String tag : tags.stream().distinct().limit(MAX_TAGS).toList()) gen.writeString(tag);
        gen.writeEndArray();
        // rules match syntax and configuration, not heuristics; no doc field says otherwise yet
        gen.writeStringField("precision", "high");
        gen.writeStringField("problem.severity", problemSeverity(rule.severity()));
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static String problemSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }
}
