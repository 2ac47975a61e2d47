package dev.lintgate.report;

import java.io.IOException;
import java.io.Writer;

/** Writes one report in one output format. Implementations keep no state between calls. */
public interface Reporter {
    void write(Report report, Writer out) throws IOException;
}
