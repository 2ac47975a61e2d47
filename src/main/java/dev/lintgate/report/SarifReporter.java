package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every known rule, results with repo-relative URIs and stable
 * fingerprints. Nothing machine- or time-dependent goes in, so two runs over the same tree give the same bytes.
 */
public final class SarifReporter implements Reporter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/lintgate/lintgate";
    /** GitHub rejects a run with more results than this. */
    public static final int MAX_RESULTS = 25_000;
    // GitHub shows ten tags per rule and rejects more than twenty
    private static final int MAX_TAGS = 10;
    private static final int MAX_DESCRIPTION = 1024;
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private final String category;
    private final int maxResults;

    public SarifReporter() {
        this(null, MAX_RESULTS);
    }

    /** {@code category} becomes {@code automationDetails.id}; null or blank leaves it to upload-sarif. */
    public SarifReporter(String category) {
        this(category, MAX_RESULTS);
    }

    SarifReporter(String category, int maxResults) {
        this.category = category == null || category.isBlank() ? null : category.strip();
        this.maxResults = maxResults;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        RuleTable rules = new RuleTable(report.rules());
        List<Finding> findings = report.findings();
        List<String> fingerprints = Fingerprint.of(findings);
        boolean[] kept = keepMostSevere(findings);
        int dropped = findings.size() - Math.min(findings.size(), maxResults);

        JsonGenerator gen = JsonWriting.open(out);
        gen.writeStartObject();
        gen.writeStringField("$schema", SCHEMA_URI);
        gen.writeStringField("version", "2.1.0");
        gen.writeArrayFieldStart("runs");
        gen.writeStartObject();

        writeDriver(gen, report);
        if (category != null) {
            gen.writeObjectFieldStart("automationDetails");
            // upload-sarif reads the category as the text before the last '/'
            gen.writeStringField("id", category.endsWith("/") ? category : category + "/");
            gen.writeEndObject();
        }
        writeInvocation(gen, report, dropped);
        gen.writeStringField("columnKind", "unicodeCodePoints");

        gen.writeArrayFieldStart("results");
        for (int i = 0; i < findings.size(); i++) {
            if (kept[i]) writeResult(gen, findings.get(i), rules.index(findings.get(i).code()), fingerprints.get(i));
        }
        gen.writeEndArray();

        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        JsonWriting.close(gen, out);
    }

    /** Which findings fit under the cap: the most severe, and among equals the earliest in report order. */
    private boolean[] keepMostSevere(List<Finding> findings) {
        boolean[] kept = new boolean[findings.size()];
        IntStream.range(0, findings.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> findings.get(i).severity()).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(maxResults)
                .forEach(i -> kept[i] = true);
        return kept;
    }

    private static void writeDriver(JsonGenerator gen, Report report) throws IOException {
        gen.writeObjectFieldStart("tool");
        gen.writeObjectFieldStart("driver");
        gen.writeStringField("name", "lintgate");
        String version = report.toolVersion();
        if (version != null && !version.isBlank()) {
            gen.writeStringField("version", version);
            if (SEMVER.matcher(version).matches()) gen.writeStringField("semanticVersion", version);
        }
        gen.writeStringField("informationUri", INFORMATION_URI);
        gen.writeArrayFieldStart("rules");
        for (RuleDoc rule : report.rules()) writeRule(gen, rule);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeRule(JsonGenerator gen, RuleDoc rule) throws IOException {
        String summary = rule.summary() == null || rule.summary().isBlank() ? rule.name() : rule.summary();
        String checks = MarkdownText.plain(rule.section("What it checks"));
        String help = MarkdownText.plain(rule.markdown() == null ? "" : rule.markdown());

        gen.writeStartObject();
        gen.writeStringField("id", rule.code());
        gen.writeStringField("name", rule.name());
        text(gen, "shortDescription", MarkdownText.truncate(summary, MAX_DESCRIPTION));
        text(gen, "fullDescription", MarkdownText.truncate(checks.isEmpty() ? summary : checks, MAX_DESCRIPTION));
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

    private void writeInvocation(JsonGenerator gen, Report report, int dropped) throws IOException {
        gen.writeArrayFieldStart("invocations");
        gen.writeStartObject();
        gen.writeBooleanField("executionSuccessful", report.executionSuccessful());
        List<Notification> notes = new ArrayList<>(report.notifications());
        if (dropped > 0) {
            notes.add(new Notification(Severity.WARNING, "Only the " + String.format("%,d", maxResults)
                    + " most severe of " + String.format("%,d", report.findings().size())
                    + " results are in this SARIF file, the most GitHub accepts in one run; "
                    + Tally.plural(dropped, "result") + " left out. The text and JSON formats list them all.", null));
        }
        if (!notes.isEmpty()) {
            gen.writeArrayFieldStart("toolExecutionNotifications");
            for (Notification n : notes) {
                gen.writeStartObject();
                gen.writeStringField("level", n.level().label());
                text(gen, "message", n.message());
                if (n.location() != null) {
                    gen.writeArrayFieldStart("locations");
                    gen.writeStartObject();
                    physicalLocation(gen, n.location());
                    gen.writeEndObject();
                    gen.writeEndArray();
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
        gen.writeEndArray();
    }

    private static void writeResult(JsonGenerator gen, Finding f, int ruleIndex, String fingerprint) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("ruleId", f.code());
        if (ruleIndex >= 0) gen.writeNumberField("ruleIndex", ruleIndex);
        gen.writeStringField("level", f.severity().label());
        text(gen, "message", message(f));
        gen.writeArrayFieldStart("locations");
        gen.writeStartObject();
        physicalLocation(gen, f.location());
        gen.writeEndObject();
        gen.writeEndArray();
        if (!f.related().isEmpty()) {
            gen.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Related r : f.related()) {
                gen.writeStartObject();
                gen.writeNumberField("id", id++);
                physicalLocation(gen, r.location());
                text(gen, "message", linkText(r));
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeObjectFieldStart("partialFingerprints");
        gen.writeStringField(Fingerprint.KEY, fingerprint);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    /**
     * The finding's message, its fix hint, and a link per related location: GitHub only turns related locations
     * into links when the message cites them as {@code [text](id)}.
     */
    static String message(Finding f) {
        String text = f.message();
        if (f.fixHint() != null && !f.fixHint().isBlank()) text = sentence(text) + " " + f.fixHint().strip();
        if (f.related().isEmpty()) return text;
        List<String> links = new ArrayList<>();
        for (int i = 0; i < f.related().size(); i++) {
            links.add("[" + escapeBrackets(stripPeriod(linkText(f.related().get(i)))) + "](" + (i + 1) + ")");
        }
        // with embedded links present, SARIF (3.11.6) reads any other bracket as markup unless escaped
        return sentence(escapeBrackets(text)) + " See " + String.join(", ", links) + ".";
    }

    private static String linkText(Related r) {
        return r.message() == null || r.message().isBlank() ? r.location().toString() : r.message().strip();
    }

    private static String sentence(String text) {
        String s = text.strip();
        return s.isEmpty() || ".!?".indexOf(s.charAt(s.length() - 1)) >= 0 ? s : s + ".";
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String escapeBrackets(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }

    private static void physicalLocation(JsonGenerator gen, Location location) throws IOException {
        gen.writeObjectFieldStart("physicalLocation");
        gen.writeObjectFieldStart("artifactLocation");
        gen.writeStringField("uri", RelativeUri.of(location.path()));
        gen.writeStringField("uriBaseId", "%SRCROOT%");
        gen.writeEndObject();
        Region r = location.region();
        gen.writeObjectFieldStart("region");
        gen.writeNumberField("startLine", r.startLine());
        gen.writeNumberField("startColumn", r.startColumn());
        gen.writeNumberField("endLine", r.endLine());
        gen.writeNumberField("endColumn", r.endColumn());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void text(JsonGenerator gen, String field, String text) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeStringField("text", text);
        gen.writeEndObject();
    }
}
