package dev.lintgate.rules.imports;

import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.finding.Location;

/**
 * A name that must not be imported at runtime. {@code origin} is the configured or decorated target it stands
 * for; for a re-export, {@code name} is the shim's name and {@code via} points at the shim's import.
 */
public record Deprecation(String name, DeprecatedTarget origin, Location via) {

    public boolean isReexport() {
        return via != null;
    }

    /** The last dotted component: the word an import of this name must contain. */
    public String lastSegment() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The module part ("a.b" for "a.b.C"); "" for a top-level name. */
    public String parent() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
