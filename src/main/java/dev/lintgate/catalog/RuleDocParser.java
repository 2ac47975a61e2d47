package dev.lintgate.catalog;

import dev.lintgate.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/** Reads one rule page: TOML front matter between {@code +++} lines, then Markdown. */
public final class RuleDocParser {
    private static final String FENCE = "+++";

    private RuleDocParser() {
    }

    public static RuleDoc parse(String fileName, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith(FENCE + "\n")) {
            throw new IllegalStateException(fileName + ":1: a rule page must open with a +++ front-matter block");
        }
        int end = normalized.indexOf("\n" + FENCE + "\n", FENCE.length());
        if (end < 0) {
            throw new IllegalStateException(fileName + ": the +++ front-matter block is not closed");
        }
        TomlParseResult meta = Toml.parse(normalized.substring(FENCE.length() + 1, end + 1));
        if (meta.hasErrors()) {
            throw new IllegalStateException(fileName + ": front matter: " + meta.errors().get(0));
        }
        String body = normalized.substring(end + FENCE.length() + 2).strip() + "\n";
        List<String> tags = new ArrayList<>();
        TomlArray tagArray = meta.getArray("tags");
        if (tagArray != null) {
            for (int i = 0; i < tagArray.size(); i++) tags.add(tagArray.getString(i));
        }
        List<String> counterparts = new ArrayList<>();
        TomlArray counterpartArray = meta.getArray("counterparts");
        if (counterpartArray != null) {
            for (int i = 0; i < counterpartArray.size(); i++) counterparts.add(counterpartArray.getString(i));
        }
        return new RuleDoc(
                required(meta, fileName, "code"),
                required(meta, fileName, "name"),
                required(meta, fileName, "summary"),
                Severity.parse(required(meta, fileName, "severity")),
                required(meta, fileName, "category"),
                required(meta, fileName, "since"),
                Fixability.parse(fileName, meta.get("fixable")),
                !Boolean.FALSE.equals(meta.getBoolean("default")),
                tags, counterparts, fileName, body, sections(body));
    }

    private static String required(TomlParseResult meta, String fileName, String key) {
        String value = meta.getString(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(fileName + ": front matter lacks '" + key + "'");
        }
        return value;
    }

    /** Splits on {@code ## } headings that are not inside fenced code blocks. */
    static List<RuleDoc.Section> sections(String body) {
        List<RuleDoc.Section> out = new ArrayList<>();
        String title = null;
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("```")) inFence = !inFence;
            if (!inFence && line.startsWith("## ")) {
                if (title != null) out.add(new RuleDoc.Section(title, current.toString().strip()));
                title = line.substring(3).strip();
                current.setLength(0);
            } else if (title != null) {
                current.append(line).append('\n');
            }
        }
        if (title != null) out.add(new RuleDoc.Section(title, current.toString().strip()));
        return out;
    }
}
