package dev.lintgate.finding;

import java.util.Comparator;
import java.util.List;

/**
 * One problem found. {@code fixHint} is a short imperative sentence ("Import `SessionManager` instead.") or null.
 * {@code anchor} names the symbol the finding is about (a dotted name, a marker, a config key); it keeps SARIF
 * fingerprints stable when lines move.
 */
public record Finding(String code, Severity severity, String message, Location location,
                      List<Related> related, String fixHint, String anchor) {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    public Finding {
        related = List.copyOf(related);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(code, s, message, location, related, fixHint, anchor);
    }
}
