package dev.lintgate.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

final class Render {
    private Render() {
    }

    static String of(Reporter reporter, Report report) {
        StringWriter out = new StringWriter();
        try {
            reporter.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
