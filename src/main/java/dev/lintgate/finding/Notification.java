package dev.lintgate.finding;

/**
 * Something the tool itself wants to tell about one file that is not a rule finding: a file that could only be
 * read in part, a file that could not be read. SARIF puts these in {@code toolExecutionNotifications}.
 */
public record Notification(Severity level, String message, Location location) {
}
