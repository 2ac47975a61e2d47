package dev.lintgate.config;

import dev.lintgate.finding.Location;

/**
 * One {@code [[deprecated]]} entry: a dotted module, or module plus attribute. {@code location} points at the entry
 * in the config file (null for targets lintgate found itself, such as PEP 702 decorators). {@code dropIn}: the entry
 * says the replacement behaves the same ({@code drop-in = true}), so rewriting to it is a safe fix.
 */
public record DeprecatedTarget(String name, String replacement, String message, boolean allowTypeChecking,
                               Location location, boolean dropIn) {

    public DeprecatedTarget(String name, String replacement, String message, boolean allowTypeChecking, Location location) {
        this(name, replacement, message, allowTypeChecking, location, false);
    }
}
