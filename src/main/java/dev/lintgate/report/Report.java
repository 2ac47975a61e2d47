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
                     String toolVersion, int filesChecked, boolean executionSuccessful, SourceLines sources,
                     BaselineOutcome baseline) {

    /** A report of a run without a baseline. */
    public Report(List<Finding> findings, List<Notification> notifications, List<RuleDoc> rules,
                  String toolVersion, int filesChecked, boolean executionSuccessful, SourceLines sources) {
        this(findings, notifications, rules, toolVersion, filesChecked, executionSuccessful, sources, BaselineOutcome.NONE);
    }

    public Report {
        if (baseline == null) baseline = BaselineOutcome.NONE;
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
        if (directory.isEmpty()) return new Report(findings, notifications, rules, toolVersion, filesChecked, executionSuccessful, sourcesThere, baseline);
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        List<Notification> notes = notifications.stream().map(n -> new Notification(n.level(), n.message(),
                n.location() == null ? null : n.location().under(prefix))).toList();
        // the baselined findings move with the others, so that a reporter still tells them apart by equality
        BaselineOutcome movedBaseline = new BaselineOutcome(baseline.active(), baseline.baselined().stream()
                .map(f -> under(f, prefix)).toList(), baseline.fixed().stream().map(e -> new Baseline.Entry(e.fingerprint(),
                e.code(), prefix + e.path(), e.message(), e.count())).toList(), baseline.listed(), baseline.droppedFrom());
        return new Report(findings.stream().map(f -> under(f, prefix)).toList(), notes, rules, toolVersion, filesChecked,
                executionSuccessful, sourcesThere, movedBaseline);
    }

    private static Finding under(Finding f, String prefix) {
        return new Finding(f.code(), f.severity(), f.message(), f.location().under(prefix),
                f.related().stream().map(r -> new Related(r.location().under(prefix), r.message())).toList(),
                f.fixHint(), f.anchor(), f.fix() == null ? null : f.fix().under(prefix));
    }

    /** The findings a reporter writes: the new ones, and the baselined ones too when they are listed. */
    public List<Finding> shown() {
        if (!baseline.listed() || baseline.baselined().isEmpty()) return findings;
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(baseline.baselined());
        all.sort(Finding.ORDER);
        return List.copyOf(all);
    }

    /** The closing line of the text formats, with what the baseline took when there is one. */
    public String summary() {
        String line = tally().summary(filesChecked, executionSuccessful);
        if (!baseline.active()) return line;
        return line.substring(0, line.length() - 1) + "; " + Tally.plural(baseline.baselined().size(), "baselined finding")
                + (baseline.listed() || baseline.baselined().isEmpty() ? "" : " not shown (--show-baselined lists them)")
                + ", " + baseline.fixedCount() + " fixed since the baseline"
                + (baseline.droppedFrom() == null ? "." : " (dropped from " + baseline.droppedFrom() + ").");
    }

    public Tally tally() {
        return Tally.of(findings);
    }
}
