package dev.lintgate.config;

import java.util.Comparator;
import java.util.Map;

/**
 * Settings that rule families read, beyond lintgate's core keys. One table so that the loader can reject a typo
 * and suggest the right key; a rule family adds its keys here.
 */
public final class RuleOptions {
    public enum Kind { STRING, BOOLEAN, STRING_LIST, TABLE }

    public static final Map<String, Kind> KNOWN = Map.ofEntries(
            Map.entry("pytest-version", Kind.STRING),
            Map.entry("baseline", Kind.STRING),
            Map.entry("per-file-ignores", Kind.TABLE),
            Map.entry("extend-per-file-ignores", Kind.TABLE),
            Map.entry("consistent-options", Kind.STRING_LIST),
            Map.entry("pytest-plugins", Kind.STRING_LIST),
            Map.entry("pytest-ini-keys", Kind.STRING_LIST),
            Map.entry("call-time-severity", Kind.STRING),
            Map.entry("runtime-evaluated-base-classes", Kind.STRING_LIST),
            Map.entry("runtime-evaluated-decorators", Kind.STRING_LIST));

    private RuleOptions() {
    }

    /** " (did you mean 'x'?)" for a key one or two edits away from a known one, else "". */
    static String suggestion(String key) {
        var all = new java.util.ArrayList<>(KNOWN.keySet());
        all.addAll(ConfigLoader.CORE_KEYS);
        return all.stream()
                .filter(k -> EditDistance.of(k, key) <= 2)
                .min(Comparator.comparingInt((String k) -> EditDistance.of(k, key)).thenComparing(k -> k))
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
    }
}
