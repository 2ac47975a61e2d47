package dev.lintgate.report;

import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Related;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a reporter needs about one run. {@code findings} arrive sorted ({@link Finding#ORDER}); {@code rules}
 * is every known rule, not only the ones that fired, because SARIF consumers expect the rule list to stay the same
 * between analyses. {@code sources} gives line text for code frames and may know nothing.
 */
public record Report(List<Finding> findings, List<Notification> notifications, List<RuleDoc> rules,
                     String toolVersion, int filesChecked, boolean executionSuccessful, SourceLines sources) {

    public Report {
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        // sorted here rather than trusted: ruleIndex values and the SARIF bytes depend on this order
        rules = rules.stream().sorted(Comparator.comparing(RuleDoc::code)).toList();
        Set<String> seen = new HashSet<>();
        for (RuleDoc rule : rules) {
            // GitHub rejects a SARIF upload with two rules of the same id
            if (!seen.add(rule.code())) throw new IllegalArgumentException("rule " + rule.code() + " listed twice");
        }
        if (sources == null) sources = SourceLines.NONE;
    }

    /**
     * The same report with every path under {@code directory} (relative, {@code /}-separated, "" for none): the
     * project's paths as seen from the repository root, where GitHub attaches annotations and SARIF results.
     */
    public Report under(String directory, SourceLines sourcesThere) {
        if (directory.isEmpty()) return new Report(findings, notifications, rules, toolVersion, filesChecked, executionSuccessful, sourcesThere);
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        List<Finding> moved = findings.stream().map(f -> new Finding(f.code(), f.severity(), f.message(),
                f.location().under(prefix), f.related().stream().map(r -> new Related(r.location().under(prefix), r.message())).toList(),
                f.fixHint(), f.anchor(), f.fix() == null ? null : f.fix().under(prefix))).toList();
        List<Notification> notes = notifications.stream().map(n -> new Notification(n.level(), n.message(),
                n.location() == null ? null : n.location().under(prefix))).toList();
        return new Report(moved, notes, rules, toolVersion, filesChecked, executionSuccessful, sourcesThere);
    }

    public Tally tally() {
        return Tally.of(findings);
    }
}
