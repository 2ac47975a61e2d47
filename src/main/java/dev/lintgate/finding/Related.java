package dev.lintgate.finding;

/** A second place that explains a finding: the winning config, the registration of a marker, the re-export. */
public record Related(Location location, String message) {
}
