package dev.lintgate.config;

import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An INI file read exactly as pytest reads it: with iniconfig (1.1 to 2.3.0), not configparser. That means
 * whole-line comments only (an inline {@code # x} stays in the value), keys split at the first {@code =} unless the
 * key part holds a {@code :}, indented lines continue the previous value even across blank and comment lines, and
 * a duplicate section or key anywhere in the file is an error for the whole file.
 */
public final class IniDocument {

    /** One {@code key = value}; {@code value} joins continuation lines with {@code \n}, as iniconfig does. */
    public record Entry(String section, String key, String value, Region keyRegion, Region valueRegion) {
        public int line() {
            return keyRegion.startLine();
        }
    }

    public record Section(String name, Region header, Map<String, Entry> entries) {
        public Section {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<Entry> entry(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    private final List<Section> sections;

    private IniDocument(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A token of iniconfig's {@code parse_lines}: a section header (key null) or a value. */
    private static final class Token {
        final int line;
        final String section;
        final String key;
        /** The value's lines so far, joined with \n once the file is read (a join per line was quadratic). */
        final List<String> lines = new ArrayList<>(1);
        final Region keyRegion;
        Region valueRegion;
        final Region header;

        Token(int line, String section, String key, String value, Region keyRegion, Region valueRegion, Region header) {
            this.line = line;
            this.section = section;
            this.key = key;
            if (value != null) {
                lines.add(value);
            }
            this.keyRegion = keyRegion;
            this.valueRegion = valueRegion;
            this.header = header;
        }
    }

    public static IniDocument parse(String text) throws ConfigSyntaxException {
        List<String> lines = splitLines(text);
        List<Token> tokens = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String raw = lines.get(i);
            String line;
            if (isCommentLine(raw)) {
                line = "";
            } else {
                line = rstrip(raw);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '[') {
                // iniconfig drops text after # or ; in a header line, but only there
                String cut = line;
                for (char c : new char[] {'#', ';'}) {
                    int at = cut.indexOf(c);
                    if (at >= 0) {
                        cut = cut.substring(0, at);
                    }
                    cut = rstrip(cut);
                }
                if (cut.endsWith("]")) {
                    String name = cut.substring(1, cut.length() - 1);
                    if (name.isEmpty()) {
                        throw new ConfigSyntaxException(lineNo, 1, "empty section name");
                    }
                    section = name;
                    Region header = Region.of(lineNo, 1, cp(cut) + 1);
                    tokens.add(new Token(lineNo, section, null, null, null, null, header));
                    continue;
                }
                // a '[' line that is no header is a continuation in iniconfig
                continuation(tokens, lineNo, raw, strip(line));
                continue;
            }
            if (!isSpace(line.codePointAt(0))) {
                int eq = line.indexOf('=');
                int split;
                if (eq >= 0 && line.substring(0, eq).indexOf(':') < 0) {
                    split = eq;
                } else {
                    split = line.indexOf(':');
                    if (split < 0) {
                        throw new ConfigSyntaxException(lineNo, 1, "unexpected line: " + pyRepr(line));
                    }
                }
                String keyPart = line.substring(0, split);
                String valuePart = line.substring(split + 1);
                String key = strip(keyPart);
                String value = strip(valuePart);
                int keyStart = cp(line.substring(0, leading(keyPart))) + 1;
                Region keyRegion = Region.of(lineNo, keyStart, keyStart + cp(key));
                int valueStart = cp(line.substring(0, split + 1 + leading(valuePart))) + 1;
                Region valueRegion = Region.of(lineNo, valueStart, valueStart + cp(value));
                tokens.add(new Token(lineNo, section, key, value, keyRegion, valueRegion, null));
            } else {
                continuation(tokens, lineNo, raw, strip(line));
            }
        }
        List<Section> result = new ArrayList<>();
        Map<String, Map<String, Entry>> seen = new LinkedHashMap<>();
        Map<String, Region> headers = new LinkedHashMap<>();
        for (Token t : tokens) {
            if (t.section == null) {
                throw new ConfigSyntaxException(t.line, 1, "no section header defined");
            }
            if (t.key == null) {
                if (seen.containsKey(t.section)) {
                    throw new ConfigSyntaxException(t.line, 1, "duplicate section " + pyRepr(t.section));
                }
                seen.put(t.section, new LinkedHashMap<>());
                headers.put(t.section, t.header);
            } else {
                Map<String, Entry> entries = seen.get(t.section);
                if (entries.containsKey(t.key)) {
                    throw new ConfigSyntaxException(t.line, t.keyRegion.startColumn(), "duplicate name " + pyRepr(t.key));
                }
                entries.put(t.key, new Entry(t.section, t.key, String.join("\n", t.lines), t.keyRegion, t.valueRegion));
            }
        }
        seen.forEach((name, entries) -> result.add(new Section(name, headers.get(name), entries)));
        return new IniDocument(result);
    }

    private static void continuation(List<Token> tokens, int lineNo, String raw, String data) throws ConfigSyntaxException {
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1).key == null) {
            throw new ConfigSyntaxException(lineNo, 1, "unexpected value continuation");
        }
        Token last = tokens.get(tokens.size() - 1);
        // iniconfig: an empty first value is replaced by the first continuation line, not joined to it
        boolean replacesEmptyFirst = last.lines.size() == 1 && last.lines.get(0).isEmpty();
        if (replacesEmptyFirst) {
            last.lines.set(0, data);
        } else {
            last.lines.add(data);
        }
        int start = cp(raw.substring(0, leading(raw))) + 1;
        Region first = last.valueRegion;
        if (first.startColumn() == first.endColumn() && first.startLine() == first.endLine() && replacesEmptyFirst) {
            last.valueRegion = Region.of(lineNo, start, start + cp(data));
        } else {
            last.valueRegion = new Region(first.startLine(), first.startColumn(), lineNo, start + cp(data));
        }
    }

    /** Python's str.splitlines(): the line breaks iniconfig sees, which are more than \n and \r. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean brk = c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
                    || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            if (brk) {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean isCommentLine(String line) {
        String s = line.substring(leading(line));
        // "" counts too: Python's `"" in "#;"` is true, so a blank line is a comment line
        return s.isEmpty() || s.charAt(0) == '#' || s.charAt(0) == ';';
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x1c || cp == 0x1d || cp == 0x1e || cp == 0x1f;
    }

    private static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's str.strip(), whose idea of whitespace is wider than Java's String.strip(). */
    static String strip(String s) {
        return rstrip(s.substring(leading(s)));
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int cp(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Python's repr of a str, enough for error messages: single quotes unless the text holds one. */
    static String pyRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        s.codePoints().forEach(c -> {
            if (c == q || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else if (c == 0xfeff) {
                b.append("\\ufeff");
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(q).toString();
    }
}
