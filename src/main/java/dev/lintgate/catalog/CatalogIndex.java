package dev.lintgate.catalog;

import dev.lintgate.finding.Severity;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule pages, parsed at build time into one binary resource. Parsing 25 pages' TOML front matter at every start
 * cost about 300 ms (tomlj's ANTLR parser warming up, and a zip file system to list the folder), a third of a
 * pre-commit run; reading this index costs a few milliseconds. The pages stay the single source: Maven runs
 * {@link #main} after compiling, and RuleDocsTest checks that the bundled catalog equals the pages.
 */
public final class CatalogIndex {
    static final String RESOURCE = "dev/lintgate/rules/catalog.bin";
    private static final int FORMAT = 3;

    private CatalogIndex() {
    }

    /** {@code CatalogIndex RULES_DIR OUTPUT_CLASSES_DIR}: writes the index of the pages under the classes dir. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: CatalogIndex RULES_DIR CLASSES_DIR");
        RuleCatalog catalog = RuleCatalog.fromDirectory(Path.of(args[0]));
        Path out = Path.of(args[1]).resolve(RESOURCE);
        Files.createDirectories(out.getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            write(catalog.all(), os);
        }
    }

    static void write(List<RuleDoc> docs, OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.writeInt(FORMAT);
        out.writeInt(docs.size());
        for (RuleDoc d : docs) {
            for (String s : List.of(d.code(), d.name(), d.summary(), d.severity().name(), d.category(), d.since())) {
                string(out, s);
            }
            out.writeByte(d.fixable().ordinal());
            out.writeBoolean(d.enabledByDefault());
            out.writeInt(d.tags().size());
            for (String t : d.tags()) string(out, t);
            out.writeInt(d.counterparts().size());
            for (String c : d.counterparts()) string(out, c);
            string(out, d.fileName());
            string(out, d.markdown());
            out.writeInt(d.sections().size());
            for (RuleDoc.Section s : d.sections()) {
                string(out, s.title());
                string(out, s.markdown());
            }
        }
        out.flush();
    }

    static List<RuleDoc> read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is));
        if (in.readInt() != FORMAT) throw new IOException("rule catalog index of another lintgate version");
        int n = in.readInt();
        List<RuleDoc> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String code = string(in);
            String name = string(in);
            String summary = string(in);
            Severity severity = Severity.valueOf(string(in));
            String category = string(in);
            String since = string(in);
            Fixability fixable = Fixability.values()[in.readByte()];
            boolean enabled = in.readBoolean();
            List<String> tags = new ArrayList<>();
            for (int t = in.readInt(); t > 0; t--) tags.add(string(in));
            List<String> counterparts = new ArrayList<>();
            for (int c = in.readInt(); c > 0; c--) counterparts.add(string(in));
            String fileName = string(in);
            String markdown = string(in);
            List<RuleDoc.Section> sections = new ArrayList<>();
            for (int s = in.readInt(); s > 0; s--) sections.add(new RuleDoc.Section(string(in), string(in)));
            docs.add(new RuleDoc(code, name, summary, severity, category, since, fixable, enabled, tags, counterparts, fileName,
                    markdown, sections));
        }
        return docs;
    }

    /** Length-prefixed UTF-8: writeUTF stops at 64 KB and uses modified UTF-8. */
    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
