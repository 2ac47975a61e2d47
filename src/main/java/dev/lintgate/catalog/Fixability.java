package dev.lintgate.catalog;

import java.util.Locale;

/**
 * A rule page's {@code fixable}: whether {@code check --fix} can remove the rule's findings. {@code ALWAYS} means
 * every finding carries a fix; {@code SOMETIMES} that some do (the others leave a choice to a person). A page says
 * {@code fixable = "always"}, {@code "sometimes"}, or {@code false}.
 */
public enum Fixability {
    NEVER, SOMETIMES, ALWAYS;

    public boolean any() {
        return this != NEVER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Fixability parse(String fileName, Object value) {
        if (value == null || Boolean.FALSE.equals(value)) return NEVER;
        if (value instanceof String s) {
            for (Fixability f : values()) {
                if (f != NEVER && f.label().equals(s)) return f;
            }
        }
        throw new IllegalStateException(fileName + ": front matter 'fixable' must be \"always\", \"sometimes\" or false, not " + value);
    }
}
