package dev.lintgate.report;

import dev.lintgate.finding.Finding;
import java.util.List;
import java.util.Set;

/**
 * What a baseline made of one run's findings, for the reporters: the baselined findings (listed only when
 * {@code listed}, counted always) and the recorded ones found no more. {@link #NONE} when no baseline was used.
 */
public record BaselineOutcome(boolean active, List<Finding> baselined, List<Baseline.Entry> fixed, boolean listed) {
    public static final BaselineOutcome NONE = new BaselineOutcome(false, List.of(), List.of(), false);

    public BaselineOutcome {
        baselined = List.copyOf(baselined);
        fixed = List.copyOf(fixed);
    }

    public static BaselineOutcome of(Baseline.Matched matched, boolean listed) {
        return new BaselineOutcome(true, matched.baselined(), matched.fixed(), listed);
    }

    /** SARIF's {@code baselineState} of a finding the report shows: "new" or "unchanged"; null without a baseline. */
    public String state(Finding f, Set<Finding> baselinedSet) {
        if (!active) return null;
        return baselinedSet.contains(f) ? "unchanged" : "new";
    }

    public int fixedCount() {
        return fixed.stream().mapToInt(Baseline.Entry::count).sum();
    }
}
