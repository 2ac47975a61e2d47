package dev.lintgate.config;

import dev.lintgate.finding.Location;

/** A configuration value that remembers where it was written, so errors and findings can point at it. */
public record ConfigValue(Object value, Location location) {
}
