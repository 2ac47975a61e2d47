package dev.lintgate.cli;

import dev.lintgate.report.GithubReporter;
import dev.lintgate.report.JsonLinesReporter;
import dev.lintgate.report.JsonReporter;
import dev.lintgate.report.Reporter;
import dev.lintgate.report.SarifReporter;
import dev.lintgate.report.TextReporter;
import java.util.Locale;

/** The output formats of {@code check}. Only the text formats are ever coloured. */
enum OutputFormat {
    TEXT, CONCISE, JSON, JSON_LINES, SARIF, GITHUB;

    Reporter reporter(boolean colour, boolean quiet, SarifReporter.Options sarif) {
        return switch (this) {
            case TEXT -> quiet ? TextReporter.full(colour).quiet() : TextReporter.full(colour);
            case CONCISE -> quiet ? TextReporter.concise(colour).quiet() : TextReporter.concise(colour);
            case JSON -> new JsonReporter();
            case JSON_LINES -> new JsonLinesReporter();
            case SARIF -> new SarifReporter(sarif);
            case GITHUB -> new GithubReporter();
        };
    }

    /** The formats GitHub reads, whose paths must be relative to the repository root rather than the project's. */
    boolean forGithub() {
        return this == SARIF || this == GITHUB;
    }

    boolean isText() {
        return this == TEXT || this == CONCISE;
    }

    /** "json-lines" on the command line and in LINTGATE_OUTPUT_FORMAT; "full" is ruff's word for text. */
    static OutputFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("full")) return TEXT;
        for (OutputFormat f : values()) {
            if (f.cliName().equals(t)) return f;
        }
        throw new IllegalArgumentException("'" + text + "' is not one of text, concise, json, json-lines, sarif, github");
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
