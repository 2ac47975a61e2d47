package dev.lintgate.report;

import dev.lintgate.finding.Applicability;
import dev.lintgate.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/** What the text formats say about fixes after their summary line, in ruff's words. */
public final class FixSummary {
    private FixSummary() {
    }

    /** What {@code --fix} could do with these findings; no line when no finding has a fix. */
    public static List<String> available(List<Finding> findings, boolean unsafe) {
        int safe = (int) findings.stream().filter(f -> f.fixable(false)).count();
        int hidden = (int) findings.stream().filter(f -> f.fix() != null && f.fix().applicability() == Applicability.UNSAFE).count();
        List<String> out = new ArrayList<>();
        if (unsafe) {
            if (safe + hidden > 0) out.add("[*] " + (safe + hidden) + " fixable with the `--fix --unsafe-fixes` options.");
            return out;
        }
        String more = hidden == 0 ? "" : " (" + hidden + (hidden == 1 ? " hidden fix" : " hidden fixes")
                + " can be enabled with the `--unsafe-fixes` option)";
        if (safe > 0) out.add("[*] " + safe + " fixable with the `--fix` option" + more + ".");
        else if (hidden > 0) out.add("No fixes available" + more + ".");
        return out;
    }

    /**
     * What {@code --fix} did, or with {@code dryRun} ({@code --diff}) what it would do. Counted in fixes, not
     * findings: a marker two configs lack is one finding and two fixes, applied in two passes.
     */
    public static String fixed(int fixes, int files, boolean dryRun) {
        if (fixes == 0) return dryRun ? "No fixes to apply." : "No fixes applied.";
        String counted = fixes == 1 ? "1 fix" : fixes + " fixes";
        return (dryRun ? "Would apply " : "Applied ") + counted + " to " + Tally.plural(files, "file") + ".";
    }
}
