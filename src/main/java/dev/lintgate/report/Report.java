package dev.lintgate.report;

import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Notification;
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

    public Tally tally() {
        return Tally.of(findings);
    }
}
