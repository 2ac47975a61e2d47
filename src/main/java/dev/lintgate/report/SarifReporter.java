package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every known rule, results with repo-relative URIs and stable
 * fingerprints. Nothing time-dependent goes in; the only machine-dependent part, the checkout's absolute location,
 * comes from {@link Options#sourceRoot()}, so two runs over the same checkout give the same bytes.
 */
public final class SarifReporter implements Reporter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/lintgate/lintgate";
    /** GitHub rejects a run with more results than this. */
    public static final int MAX_RESULTS = 25_000;
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    /**
     * What the CLI sets. {@code category} becomes {@code automationDetails.id}; {@code sourceRoot}, an absolute
     * {@code /}-terminated URI of the repository root, becomes {@code originalUriBaseIds}; {@code versionControl}
     * becomes {@code versionControlProvenance}; {@code lineHash} adds GitHub's {@code primaryLocationLineHash},
     * computed from the report's source lines. The CLI fills all four from the checkout by default; only the line
     * hash is on here, so that a report alone gives the same bytes on every machine.
     */
    public record Options(String category, String sourceRoot, boolean lineHash, VersionControl versionControl) {
        public static final Options DEFAULT = new Options(null, null, true, null);

        public Options {
            category = category == null || category.isBlank() ? null : category.strip();
            if (sourceRoot != null && !(sourceRoot.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && sourceRoot.endsWith("/"))) {
                throw new IllegalArgumentException("source root must be an absolute URI ending in '/': " + sourceRoot);
            }
        }

        public Options withCategory(String c) {
            return new Options(c, sourceRoot, lineHash, versionControl);
        }

        public Options withSourceRoot(String uri) {
            return new Options(category, uri, lineHash, versionControl);
        }

        public Options withLineHash(boolean on) {
            return new Options(category, sourceRoot, on, versionControl);
        }

        public Options withVersionControl(VersionControl vc) {
            return new Options(category, sourceRoot, lineHash, vc);
        }
    }

    /**
     * SARIF {@code versionControlDetails}: the repository's URL (required by the schema), and the commit and branch
     * when known (null otherwise).
     */
    public record VersionControl(String repositoryUri, String revisionId, String branch) {
        public VersionControl {
            if (repositoryUri == null || repositoryUri.isBlank()) throw new IllegalArgumentException("no repository URI");
        }
    }

    private final Options options;
    private final int maxResults;

    public SarifReporter() {
        this(Options.DEFAULT, MAX_RESULTS);
    }

    public SarifReporter(Options options) {
        this(options, MAX_RESULTS);
    }

    SarifReporter(Options options, int maxResults) {
        this.options = options;
        this.maxResults = maxResults;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        RuleTable rules = new RuleTable(report.rules());
        List<Finding> findings = report.shown();
        java.util.Set<Finding> baselined = new java.util.HashSet<>(report.baseline().baselined());
        List<String> fingerprints = Fingerprint.of(findings);
        boolean[] kept = keepMostSevere(findings);
        int dropped = resultsLeftOut(report);

        JsonGenerator gen = JsonWriting.open(out);
        gen.writeStartObject();
        gen.writeStringField("$schema", SCHEMA_URI);
        gen.writeStringField("version", "2.1.0");
        gen.writeArrayFieldStart("runs");
        gen.writeStartObject();

        writeDriver(gen, report);
        if (options.category() != null) {
            String category = options.category();
            gen.writeObjectFieldStart("automationDetails");
            // upload-sarif reads the category as the text before the last '/'
            gen.writeStringField("id", category.endsWith("/") ? category : category + "/");
            gen.writeEndObject();
        }
        if (options.sourceRoot() != null) {
            gen.writeObjectFieldStart("originalUriBaseIds");
            gen.writeObjectFieldStart("%SRCROOT%");
            gen.writeStringField("uri", options.sourceRoot());
            gen.writeEndObject();
            gen.writeEndObject();
        }
        if (options.versionControl() != null) {
            VersionControl vc = options.versionControl();
            gen.writeArrayFieldStart("versionControlProvenance");
            gen.writeStartObject();
            gen.writeStringField("repositoryUri", vc.repositoryUri());
            if (vc.revisionId() != null) gen.writeStringField("revisionId", vc.revisionId());
            if (vc.branch() != null) gen.writeStringField("branch", vc.branch());
            gen.writeObjectFieldStart("mappedTo");
            gen.writeStringField("uriBaseId", "%SRCROOT%");
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndArray();
        }
        writeInvocation(gen, report, dropped);
        gen.writeStringField("columnKind", "unicodeCodePoints");

        Map<String, List<String>> lineHashes = new HashMap<>();
        gen.writeArrayFieldStart("results");
        for (int i = 0; i < findings.size(); i++) {
            if (!kept[i]) continue;
            Finding f = findings.get(i);
            String lineHash = options.lineHash() ? lineHash(f.location(), report.sources(), lineHashes) : null;
            writeResult(gen, f, rules.index(f.code()), fingerprints.get(i), lineHash, report.baseline().state(f, baselined));
        }
        gen.writeEndArray();

        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        JsonWriting.close(gen, out);
    }

    /** How many findings this reporter leaves out of {@code report} to stay under the cap, so the CLI can warn. */
    public int resultsLeftOut(Report report) {
        return Math.max(0, report.shown().size() - maxResults);
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
        for (RuleDoc rule : report.rules()) SarifRules.write(gen, rule);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private void writeInvocation(JsonGenerator gen, Report report, int dropped) throws IOException {
        gen.writeArrayFieldStart("invocations");
        gen.writeStartObject();
        gen.writeBooleanField("executionSuccessful", report.executionSuccessful());
        List<Notification> notes = new ArrayList<>(report.notifications());
        if (dropped > 0) {
            notes.add(new Notification(Severity.WARNING, "Only the " + String.format(Locale.ROOT, "%,d", maxResults)
                    + " most severe of " + String.format(Locale.ROOT, "%,d", report.shown().size())
                    + " results are in this SARIF file, the most GitHub accepts in one run; "
                    + Tally.plural(dropped, "result") + " left out. The text and JSON formats list them all.", null));
        }
        for (Baseline.Entry fixed : report.baseline().fixed()) {
            // no result: GitHub would open an alert for it; SARIF's "absent" state is for viewers that diff runs
            notes.add(new Notification(Severity.NOTE, "fixed since the baseline: " + fixed.code() + " " + fixed.message()
                    + (fixed.count() > 1 ? " (" + fixed.count() + " of them)" : ""),
                    new Location(fixed.path(), Region.line(1))));
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

    /** Null when the file's text is unknown: upload-sarif then computes the hash itself from the checkout. */
    private static String lineHash(Location at, SourceLines sources, Map<String, List<String>> cache) {
        List<String> hashes = cache.computeIfAbsent(at.path(), p -> {
            List<String> lines = sources.lines(p);
            return lines.isEmpty() ? List.of() : LineHash.of(lines);
        });
        int line = at.region().startLine();
        return line <= hashes.size() ? hashes.get(line - 1) : null;
    }

    private static void writeResult(JsonGenerator gen, Finding f, int ruleIndex, String fingerprint, String lineHash,
                                    String baselineState) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("ruleId", f.code());
        if (ruleIndex >= 0) gen.writeNumberField("ruleIndex", ruleIndex);
        gen.writeStringField("level", f.severity().label());
        text(gen, "message", SarifMessage.of(f));
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
                text(gen, "message", SarifMessage.linkText(r));
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        if (f.fix() != null) writeFix(gen, f.fix());
        gen.writeObjectFieldStart("partialFingerprints");
        gen.writeStringField(Fingerprint.KEY, fingerprint);
        if (lineHash != null) gen.writeStringField("primaryLocationLineHash", lineHash);
        gen.writeEndObject();
        if (baselineState != null) gen.writeStringField("baselineState", baselineState);
        gen.writeEndObject();
    }

    /**
     * What {@code check --fix} would change, as SARIF's {@code fixes}: one change per file, each edit a replacement
     * of its region (empty for an insertion) by its content. A fix naming a file outside the project root, which
     * {@code --fix} refuses, is left out.
     */
    private static void writeFix(JsonGenerator gen, Fix fix) throws IOException {
        if (fix.changes().stream().anyMatch(c -> c.path().startsWith("../"))) return;
        gen.writeArrayFieldStart("fixes");
        gen.writeStartObject();
        text(gen, "description", fix.message() + (fix.applicability() == Applicability.UNSAFE
                ? " (unsafe: applied by `lintgate check --fix --unsafe-fixes`)" : " (applied by `lintgate check --fix`)"));
        gen.writeArrayFieldStart("artifactChanges");
        for (Fix.Change c : fix.changes()) {
            gen.writeStartObject();
            gen.writeObjectFieldStart("artifactLocation");
            gen.writeStringField("uri", RelativeUri.of(c.path()));
            gen.writeStringField("uriBaseId", "%SRCROOT%");
            gen.writeEndObject();
            gen.writeArrayFieldStart("replacements");
            for (Edit e : c.edits()) {
                gen.writeStartObject();
                gen.writeObjectFieldStart("deletedRegion");
                regionFields(gen, e.region());
                gen.writeEndObject();
                if (!e.content().isEmpty()) text(gen, "insertedContent", e.content());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
    }

    private static void regionFields(JsonGenerator gen, Region r) throws IOException {
        gen.writeNumberField("startLine", r.startLine());
        gen.writeNumberField("startColumn", r.startColumn());
        gen.writeNumberField("endLine", r.endLine());
        gen.writeNumberField("endColumn", r.endColumn());
    }

    private static void physicalLocation(JsonGenerator gen, Location location) throws IOException {
        gen.writeObjectFieldStart("physicalLocation");
        gen.writeObjectFieldStart("artifactLocation");
        gen.writeStringField("uri", RelativeUri.of(location.path()));
        gen.writeStringField("uriBaseId", "%SRCROOT%");
        gen.writeEndObject();
        Region r = location.region();
        gen.writeObjectFieldStart("region");
        regionFields(gen, r);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    static void text(JsonGenerator gen, String field, String text) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeStringField("text", text);
        gen.writeEndObject();
    }
}
