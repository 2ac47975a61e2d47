package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.lintgate.finding.Region;
import java.io.IOException;
import java.io.Writer;

/** The JSON conventions both JSON formats share, so their bytes match on every machine. */
final class JsonWriting {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonWriting() {
    }

    /** A pretty-printing generator; the default printer would use the platform line separator. */
    static JsonGenerator open(Writer out) throws IOException {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        JsonGenerator gen = FACTORY.createGenerator(out);
        gen.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
        return gen;
    }

    /** A generator that writes each top-level value compactly on its own line (JSON Lines). */
    static JsonGenerator openLines(Writer out) throws IOException {
        JsonGenerator gen = FACTORY.createGenerator(out);
        gen.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        return gen;
    }

    /** Closes the generator and ends the document with a newline, as text files should. */
    static void close(JsonGenerator gen, Writer out) throws IOException {
        gen.close();
        out.write('\n');
        out.flush();
    }

    static void stringOrNull(JsonGenerator gen, String field, String value) throws IOException {
        if (value == null) {
            gen.writeNullField(field);
        } else {
            gen.writeStringField(field, value);
        }
    }

    /** Flat region fields as the lintgate JSON format spells them. */
    static void regionFields(JsonGenerator gen, Region r) throws IOException {
        gen.writeNumberField("line", r.startLine());
        gen.writeNumberField("column", r.startColumn());
        gen.writeNumberField("endLine", r.endLine());
        gen.writeNumberField("endColumn", r.endColumn());
    }
}
