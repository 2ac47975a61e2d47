package dev.lintgate.cli;

import dev.lintgate.report.GithubReporter;
import dev.lintgate.report.JsonReporter;
import dev.lintgate.report.Reporter;
import dev.lintgate.report.SarifReporter;
import dev.lintgate.report.TextReporter;

/** The output formats of {@code check}. Only the text formats are ever coloured. */
enum OutputFormat {
    TEXT, CONCISE, JSON, SARIF, GITHUB;

    Reporter reporter(boolean colour, String sarifCategory) {
        return switch (this) {
            case TEXT -> TextReporter.full(colour);
            case CONCISE -> TextReporter.concise(colour);
            case JSON -> new JsonReporter();
            case SARIF -> sarifCategory == null ? new SarifReporter() : new SarifReporter(sarifCategory);
            case GITHUB -> new GithubReporter();
        };
    }

    boolean isText() {
        return this == TEXT || this == CONCISE;
    }
}
