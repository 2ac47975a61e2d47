package dev.lintgate.finding;

import java.util.Locale;

/** How bad a finding is; ordered so that {@code compareTo} means "less severe than". */
public enum Severity {
    NOTE, WARNING, ERROR;

    /** The word used in rule docs, config files, SARIF {@code level} and text output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "note", "info" -> NOTE;
            case "warning", "warn" -> WARNING;
            case "error" -> ERROR;
            default -> throw new IllegalArgumentException("unknown severity '" + text + "' (expected note, warning or error)");
        };
    }
}
