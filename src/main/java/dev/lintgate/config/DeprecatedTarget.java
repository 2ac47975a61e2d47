package dev.lintgate.config;

import dev.lintgate.finding.Location;

/**
 * One {@code [[deprecated]]} entry: a dotted module, or module plus attribute. {@code location} points at the entry
 * in the config file (null for targets lintgate found itself, such as PEP 702 decorators).
 */
public record DeprecatedTarget(String name, String replacement, String message, boolean allowTypeChecking,
                               Location location) {
}
