package dev.lintgate.report;

import dev.lintgate.finding.Finding;
import java.util.List;
import java.util.Set;

/**
 * What a baseline made of one run's findings, for the reporters: the baselined findings (listed only when
 * {@code listed}, counted always) and the recorded ones found no more, with the file they were dropped from when the
 * run updated it ({@code droppedFrom}, else null). {@link #NONE} when no baseline was used.
 */
public record BaselineOutcome(boolean active, List<Finding> baselined, List<Baseline.Entry> fixed, boolean listed,
                              String droppedFrom) {
    public static final BaselineOutcome NONE = new BaselineOutcome(false, List.of(), List.of(), false, null);

    public BaselineOutcome {
        baselined = List.copyOf(baselined);
        fixed = List.copyOf(fixed);
    }

    public static BaselineOutcome of(Baseline.Matched matched, boolean listed, String droppedFrom) {
        return new BaselineOutcome(true, matched.baselined(), matched.fixed(), listed,
                matched.fixed().isEmpty() ? null : droppedFrom);
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
