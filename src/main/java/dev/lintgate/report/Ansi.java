package dev.lintgate.report;

import dev.lintgate.finding.Severity;

/** SGR styling for the text formats; a disabled instance returns text untouched, so callers never branch. */
final class Ansi {

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    boolean isEnabled() {
        return enabled;
    }

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String text) {
        return style("1", text);
    }

    String severity(Severity severity, String text) {
        return style(switch (severity) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case NOTE -> "1;36";
        }, text);
    }

    private String style(String sgr, String text) {
        return enabled && !text.isEmpty() ? "\u001b[" + sgr + "m" + text + RESET : text;
    }
}
