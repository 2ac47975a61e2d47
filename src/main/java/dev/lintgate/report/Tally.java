package dev.lintgate.report;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Findings counted by severity, and the English every format uses to say so. */
public record Tally(int errors, int warnings, int notes, int filesWithFindings) {

    public static Tally of(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        Set<String> files = new HashSet<>();
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
            files.add(f.location().path());
        }
        return new Tally(counts.getOrDefault(Severity.ERROR, 0), counts.getOrDefault(Severity.WARNING, 0),
                counts.getOrDefault(Severity.NOTE, 0), files.size());
    }

    public int total() {
        return errors + warnings + notes;
    }

    public int count(Severity severity) {
        return switch (severity) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case NOTE -> notes;
        };
    }

    /** "3 errors, 1 warning" — only the severities that occur, most severe first; "" when there are none. */
    public String bySeverity() {
        List<String> parts = new ArrayList<>();
        if (errors > 0) parts.add(plural(errors, "error"));
        if (warnings > 0) parts.add(plural(warnings, "warning"));
        if (notes > 0) parts.add(plural(notes, "note"));
        return String.join(", ", parts);
    }

    /** The closing line of the text formats. */
    public String summary(int filesChecked, boolean executionSuccessful) {
        String checked = "(" + plural(filesChecked, "file") + " checked)";
        if (total() > 0) return "Found " + bySeverity() + " in " + plural(filesWithFindings, "file") + " " + checked + ".";
        if (!executionSuccessful) return "No problems found, but the check did not complete " + checked + ".";
        return "All checks passed " + checked + ".";
    }

    public static String plural(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
