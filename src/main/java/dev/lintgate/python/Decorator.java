package dev.lintgate.python;

import dev.lintgate.finding.Region;

/**
 * A decorator as written: {@code @warnings.deprecated("Use X")} gives dotted name "warnings.deprecated" and
 * firstStringArgument "Use X" (null when the first argument is not a plain string literal or when there is no call).
 */
public record Decorator(String dottedName, String firstStringArgument, Region region) {
}
