package dev.lintgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INI reader against iniconfig 2.3.0 itself (the parser pytest uses), and the TOML reader's accept/reject
 * against Python's tomllib: random files built from the lines that trip people up (inline comments, continuation
 * lines, colons, duplicate sections and keys, bare lines, odd headers, a BOM). Sections, keys and values must be
 * identical; errors must have the same line and message.
 */
class IniReaderOracleTest {
    private static final long SEED = 7L;
    private static final int INI_CASES = 1000;
    private static final String[] HEADERS = {"[pytest]", "[tool:pytest]", "[ pytest ]", "[a] # note", "[b] ; note", "[sec]] extra"};
    private static final String[] GOOD_LINES = {
        "key = value", "asyncio_mode = auto # fast", "markers =", "  slow: slow tests", "\tdb(name): database",
        "a: b = c", "k=v", "k2 = x:y", "Key = 1", "addopts = -q ; quiet", "  continued", "", "   ", "# comment",
        "; comment", "  # indented comment", "=novalue", ":x", "empty =", "key\t=\tvalue\t", "weird = a = b",
        "url: http://x", "  [not header]", "k3 = é ü", "x = 1",
    };
    private static final String[] BAD_LINES = {"[]", "[x", "[pytest", "bare words", "[pytest]", "x = 2", "[a]"};
    private static final String[] TOML_DOCS = {
        "[tool.pytest.ini_options]\nasyncio_mode = \"auto\"\n", "[project\nname = \"x\"\n", "a = 1\na = 2\n",
        "[a]\n[a]\n", "a = \n", "x = [1, \"a\"]\n", "x = [\n  \"a\",\n]\n", "[tool]\npytest.ini_options.x = 1\n",
        "a = 'unterminated\n", "a = \"\"\"multi\nline\"\"\"\n", "a.b = 1\n[a]\nc = 2\n", "a = 1979-05-27T07:32:00Z\n",
        "a = { b = 1 }\na.c = 2\n", "[[a]]\nx=1\n[[a]]\nx=2\n", "a = 0x1F\nb = 1_000\n", "a = inf\nb = nan\n",
        "a = \"\\u00e9\"\n", "\"quoted key\" = 1\n", "a = 01\n", "a = 1.\n", "[a.b]\nc=1\n[a]\nb=2\n",
        "a = true\nb = True\n", "a = [1,,2]\n", "# only a comment\n", "key = \"value\" # comment\n",
        // TOML 1.1, which tomllib reads only from Python 3.15: multi-line inline tables, a trailing comma in one,
        // \e and \xHH escapes, times without seconds
        "a = {\n  b = 1\n}\n", "a = { b = 1, }\n", "a = {\n  b = 1, # note\n}\n", "a = \"\\e[1m\"\n", "a = \"\\x41\"\n",
        "a = 07:32\n", "a = 1979-05-27T07:32Z\n", "a = \"\"\"\\e\"\"\"\n", "a = {}\n", "a = [\n  { b = 1 },\n]\n",
    };

    @TempDir
    Path temp;

    @Test
    void readersAgreeWithIniconfigAndTomllib() throws Exception {
        Random rnd = new Random(SEED);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < INI_CASES; i++) {
            StringBuilder b = new StringBuilder();
            if (rnd.nextInt(40) == 0) b.append('\ufeff');
            if (rnd.nextInt(10) > 0) b.append(HEADERS[rnd.nextInt(HEADERS.length)]).append('\n');
            int n = 1 + rnd.nextInt(8);
            for (int k = 0; k < n; k++) {
                String l = rnd.nextInt(12) == 0 ? BAD_LINES[rnd.nextInt(BAD_LINES.length)]
                        : rnd.nextInt(8) == 0 ? HEADERS[rnd.nextInt(HEADERS.length)] : GOOD_LINES[rnd.nextInt(GOOD_LINES.length)];
                b.append(l).append(rnd.nextInt(15) == 0 ? "\r\n" : "\n");
            }
            texts.add(b.toString());
        }
        Path input = temp.resolve("cases.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) lines.append(json(String.valueOf(i), texts.get(i), false)).append('\n');
        for (int i = 0; i < TOML_DOCS.length; i++) lines.append(json("t" + i, TOML_DOCS[i], true)).append('\n');
        Files.writeString(input, lines);
        Path probe = temp.resolve("iniprobe.py");
        try (InputStream in = getClass().getResourceAsStream("iniprobe.py")) {
            Files.write(probe, in.readAllBytes());
        }
        Path python = dev.lintgate.pytest.PytestVenvs.python("9.1.1");
        Process p = new ProcessBuilder(python.toString(), "-I", probe.toString(), input.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        List<String> failures = new ArrayList<>();
        int count = 0;
        int errors = 0;
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            count++;
            try (JsonParser jp = new JsonFactory().createParser(line)) {
                String id = null;
                String expected = null;
                Boolean tomlOk = null;
                jp.nextToken();
                while (jp.nextToken() == JsonToken.FIELD_NAME) {
                    String name = jp.currentName();
                    jp.nextToken();
                    switch (name) {
                        case "id" -> id = jp.getText();
                        case "ok" -> tomlOk = jp.getBooleanValue();
                        case "sections", "error" -> expected = (name.equals("error") ? "error " : "") + readRaw(jp);
                        default -> jp.skipChildren();
                    }
                }
                if (id.startsWith("t")) {
                    String text = TOML_DOCS[Integer.parseInt(id.substring(1))];
                    boolean mine;
                    try {
                        TomlDocument.parse(text);
                        mine = true;
                    } catch (ConfigSyntaxException e) {
                        mine = false;
                    }
                    if (mine != tomlOk) failures.add("TOML " + (tomlOk ? "accepted" : "rejected") + " by tomllib, not by lintgate: " + text.replace("\n", "\\n"));
                    continue;
                }
                String text = texts.get(Integer.parseInt(id));
                String mine = describe(text);
                if (mine.startsWith("error")) errors++;
                if (!mine.equals(expected)) {
                    failures.add("INI " + text.replace("\n", "\\n").replace("\r", "\\r") + "\n    iniconfig: " + expected + "\n    lintgate:  " + mine);
                }
            }
        }
        assertEquals(texts.size() + TOML_DOCS.length, count, "probe answered " + count + " cases");
        System.out.printf("INI reader oracle: %d INI files (%d rejected by iniconfig), %d TOML files, %d disagreements%n",
                texts.size(), errors, TOML_DOCS.length, failures.size());
        if (!failures.isEmpty()) fail(String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    /** Our parse in the probe's JSON shape, so the two compare as text. */
    private static String describe(String text) throws Exception {
        StringWriter w = new StringWriter();
        try {
            IniDocument d = IniDocument.parse(text);
            try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
                g.writeStartArray();
                for (IniDocument.Section s : d.sections()) {
                    g.writeStartArray();
                    g.writeString(s.name());
                    g.writeStartArray();
                    for (IniDocument.Entry e : s.entries().values()) {
                        g.writeStartArray();
                        g.writeString(e.key());
                        g.writeString(e.value());
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            return w.toString();
        } catch (ConfigSyntaxException e) {
            try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
                g.writeStartArray();
                g.writeNumber(e.line());
                g.writeString(e.getMessage());
                g.writeEndArray();
            }
            return "error " + w;
        }
    }

    /** Re-serialises the current JSON value compactly, in the same style as {@link #describe}. */
    private static String readRaw(JsonParser jp) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.copyCurrentStructure(jp);
        }
        return w.toString();
    }

    private static String json(String id, String text, boolean toml) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("text", text);
            g.writeBooleanField("toml", toml);
            g.writeEndObject();
        }
        return w.toString();
    }
}
