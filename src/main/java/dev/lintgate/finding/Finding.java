package dev.lintgate.finding;

import java.util.Comparator;
import java.util.List;

/**
 * One problem found. {@code fixHint} is a short imperative sentence ("Import `SessionManager` instead.") or null.
 * {@code anchor} names the symbol the finding is about (a dotted name, a marker, a config key); it keeps SARIF
 * fingerprints stable when lines move. {@code fix} is the automatic fix ({@code check --fix}), or null when the rule
 * cannot be certain of one.
 */
public record Finding(String code, Severity severity, String message, Location location,
                      List<Related> related, String fixHint, String anchor, Fix fix) {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    public Finding {
        related = List.copyOf(related);
    }

    public Finding(String code, Severity severity, String message, Location location, List<Related> related,
                   String fixHint, String anchor) {
        this(code, severity, message, location, related, fixHint, anchor, null);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(code, s, message, location, related, fixHint, anchor, fix);
    }

    /** True when {@code check --fix} (with {@code unsafe}: {@code --unsafe-fixes} too) would apply this finding's fix. */
    public boolean fixable(boolean unsafe) {
        return fix != null && (unsafe || fix.applicability() == Applicability.SAFE);
    }
}
