package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Related;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * lintgate's own machine format, described in {@code docs/json-output.md}. Every field is always present (null
 * when unknown) so consumers need no existence checks; the {@code version} only changes on a breaking change.
 */
public final class JsonReporter implements Reporter {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(Report report, Writer out) throws IOException {
        RuleTable rules = new RuleTable(report.rules());
        Tally tally = report.tally();
        JsonGenerator gen = JsonWriting.open(out);
        gen.writeStartObject();
        gen.writeNumberField("version", SCHEMA_VERSION);

        gen.writeObjectFieldStart("tool");
        gen.writeStringField("name", "lintgate");
        JsonWriting.stringOrNull(gen, "version", report.toolVersion());
        gen.writeEndObject();

        gen.writeObjectFieldStart("summary");
        gen.writeNumberField("files", report.filesChecked());
        gen.writeNumberField("errors", tally.errors());
        gen.writeNumberField("warnings", tally.warnings());
        gen.writeNumberField("notes", tally.notes());
        gen.writeBooleanField("executionSuccessful", report.executionSuccessful());
        gen.writeNumberField("baselined", report.baseline().baselined().size());
        gen.writeNumberField("fixed", report.baseline().fixedCount());
        gen.writeEndObject();

        gen.writeArrayFieldStart("findings");
        writeFindings(gen, report, rules);
        gen.writeEndArray();

        gen.writeArrayFieldStart("fixed");
        for (Baseline.Entry e : report.baseline().fixed()) Baseline.write(gen, e);
        gen.writeEndArray();

        gen.writeArrayFieldStart("notifications");
        for (Notification n : report.notifications()) writeNotification(gen, n);
        gen.writeEndArray();

        gen.writeEndObject();
        JsonWriting.close(gen, out);
    }

    /** The findings the report shows, each with its fingerprint and its baseline state. */
    static void writeFindings(JsonGenerator gen, Report report, RuleTable rules) throws IOException {
        java.util.Set<Finding> baselined = new java.util.HashSet<>(report.baseline().baselined());
        for (Finding f : report.shown()) writeFinding(gen, f, rules.rule(f.code()), report.baseline().state(f, baselined));
    }

    private static void writeFinding(JsonGenerator gen, Finding f, Optional<RuleDoc> rule, String baselineState) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("code", f.code());
        JsonWriting.stringOrNull(gen, "name", rule.map(RuleDoc::name).orElse(null));
        gen.writeStringField("severity", f.severity().label());
        gen.writeStringField("message", f.message());
        gen.writeStringField("path", f.location().path());
        JsonWriting.regionFields(gen, f.location().region());
        JsonWriting.stringOrNull(gen, "fix", f.fixHint());
        writeAutofix(gen, f.fix());
        gen.writeArrayFieldStart("related");
        for (Related r : f.related()) {
            gen.writeStartObject();
            gen.writeStringField("path", r.location().path());
            JsonWriting.regionFields(gen, r.location().region());
            JsonWriting.stringOrNull(gen, "message", r.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        JsonWriting.stringOrNull(gen, "url", rule.map(RuleDoc::helpUri).orElse(null));
        gen.writeStringField("fingerprint", Fingerprint.key(f));
        JsonWriting.stringOrNull(gen, "baselineState", baselineState);
        gen.writeEndObject();
    }

    /** What {@code check --fix} would change: ruff's fix object, with the file it edits, or null. */
    private static void writeAutofix(JsonGenerator gen, Fix fix) throws IOException {
        if (fix == null) {
            gen.writeNullField("autofix");
            return;
        }
        gen.writeObjectFieldStart("autofix");
        gen.writeStringField("applicability", fix.applicability().label());
        gen.writeStringField("message", fix.message());
        gen.writeStringField("path", fix.path());
        writeEdits(gen, fix.edits());
        // a fix of several files (LG201 moves a section) is applied to all of them or none
        gen.writeArrayFieldStart("otherFiles");
        for (Fix.Change c : fix.otherFiles()) {
            gen.writeStartObject();
            gen.writeStringField("path", c.path());
            writeEdits(gen, c.edits());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeEdits(JsonGenerator gen, java.util.List<Edit> edits) throws IOException {
        gen.writeArrayFieldStart("edits");
        for (Edit e : edits) {
            gen.writeStartObject();
            JsonWriting.regionFields(gen, e.region());
            gen.writeStringField("content", e.content());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void writeNotification(JsonGenerator gen, Notification n) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("level", n.level().label());
        gen.writeStringField("message", n.message());
        if (n.location() == null) {
            gen.writeNullField("path");
            for (String field : new String[] {"line", "column", "endLine", "endColumn"}) gen.writeNullField(field);
        } else {
            gen.writeStringField("path", n.location().path());
            JsonWriting.regionFields(gen, n.location().region());
        }
        gen.writeEndObject();
    }
}
