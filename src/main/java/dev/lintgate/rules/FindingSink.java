package dev.lintgate.rules;

import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import java.util.List;

/**
 * Where a rule reports. The engine fills in the rule's code and default severity from the catalog and applies
 * suppressions and selection afterwards, so rules stay unaware of both.
 */
public interface FindingSink {

    /** Reports at the rule's default severity. */
    default void report(Location location, String message, String fixHint, String anchor) {
        report(location, message, fixHint, anchor, List.of(), null);
    }

    /** {@code severity} null means the rule's default. */
    default void report(Location location, String message, String fixHint, String anchor, List<Related> related, Severity severity) {
        report(location, message, fixHint, anchor, related, severity, null);
    }

    /** {@code fix} null when the rule has none it is certain of. */
    void report(Location location, String message, String fixHint, String anchor, List<Related> related, Severity severity,
                Fix fix);
}
