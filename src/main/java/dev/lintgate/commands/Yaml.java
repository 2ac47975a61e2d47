package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the YAML that GitHub workflow and action files are written in: block mappings and sequences, plain,
 * quoted and block ({@code |}, {@code >}) scalars, flow collections, comments. Scalars stay text (no YAML 1.1
 * {@code on: true} or {@code 3.10 = 3.1}). What is outside that subset (anchors and aliases, tags, several
 * documents, complex keys) is an {@link Unsupported} error rather than a guess, and so is malformed input.
 *
 * <p>Why not a library: SnakeYAML (the only maintained Java YAML parser) is YAML 1.1, 330 KB and a second parser
 * for one file kind, where the workflows lintgate reads use this subset; a file outside it is reported, not misread.
 */
public final class Yaml {

    /** A node of the document; {@code line} is where its content starts (1-based). */
    public sealed interface Node permits Scalar, Sequence, Mapping {
        int line();
    }

    public record Scalar(String value, int line) implements Node {
    }

    public record Sequence(List<Node> items, int line) implements Node {
    }

    public record Mapping(Map<String, Node> entries, int line) implements Node {
        public Node get(String key) {
            return entries.get(key);
        }

        /** The text of a scalar entry, or null. */
        public String text(String key) {
            return entries.get(key) instanceof Scalar s ? s.value() : null;
        }

        public Mapping mapping(String key) {
            return entries.get(key) instanceof Mapping m ? m : null;
        }
    }

    /** Input outside the subset this reader takes, or not YAML at all. */
    public static final class Unsupported extends Exception {
        private final int line;

        Unsupported(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final String[] lines;
    private int row;

    private Yaml(String text) {
        String[] all = text.replace("\r\n", "\n").split("\n", -1);
        // "..." ends the document; what follows must be nothing but blank lines and comments
        int end = all.length;
        for (int i = 0; i < all.length; i++) {
            if (all[i].equals("...") || all[i].startsWith("... ")) {
                end = i;
                break;
            }
        }
        for (int i = end + 1; i < all.length; i++) {
            if (!isBlank(all[i])) {
                end = all.length;
                break;
            }
        }
        this.lines = java.util.Arrays.copyOf(all, end);
    }

    public static Node parse(String text) throws Unsupported {
        Yaml y = new Yaml(text);
        y.skipBlank();
        if (y.row < y.lines.length && y.lines[y.row].startsWith("---")) {
            y.lines[y.row] = y.lines[y.row].substring(3);
            if (y.lines[y.row].isBlank()) y.row++;
        }
        y.skipBlank();
        if (y.row >= y.lines.length) return new Mapping(Map.of(), 1);
        Node n = y.block(0);
        y.skipBlank();
        if (y.row < y.lines.length) {
            if (y.lines[y.row].startsWith("---") || y.lines[y.row].startsWith("...")) {
                throw new Unsupported(y.row + 1, "more than one document");
            }
            throw new Unsupported(y.row + 1, "unexpected indentation");
        }
        return n;
    }

    private void skipBlank() {
        while (row < lines.length && isBlank(lines[row])) row++;
    }

    private static boolean isBlank(String l) {
        String t = l.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private static int indent(String l) {
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') i++;
        if (i < l.length() && l.charAt(i) == '\t') return -1;
        return i;
    }

    /** The block node starting at the current line, whose indentation is at least {@code min}. */
    private Node block(int min) throws Unsupported {
        skipBlank();
        if (row >= lines.length) return new Scalar("", row);
        String l = lines[row];
        int n = indent(l);
        if (n < 0) throw new Unsupported(row + 1, "a tab in the indentation");
        if (n < min) return new Scalar("", row);
        String content = l.substring(n);
        if (content.equals("-") || content.startsWith("- ")) return sequence(n);
        if (keyEnd(content) >= 0) return mapping(n);
        int line = row + 1;
        row++;
        return scalarValue(content, n - 1, line);
    }

    private Sequence sequence(int n) throws Unsupported {
        List<Node> items = new ArrayList<>();
        int first = row + 1;
        while (true) {
            skipBlank();
            if (row >= lines.length) break;
            String l = lines[row];
            if (indent(l) != n) break;
            String content = l.substring(n);
            if (!(content.equals("-") || content.startsWith("- "))) break;
            String rest = content.length() > 1 ? content.substring(2) : "";
            int extra = rest.length() - rest.stripLeading().length();
            if (rest.isBlank() || rest.strip().startsWith("#")) {
                row++;
                skipBlank();
                if (row < lines.length && indent(lines[row]) > n) {
                    items.add(block(n + 1));
                } else {
                    items.add(new Scalar("", row));
                }
                continue;
            }
            // "- key: v" is a mapping whose keys line up with "key": read the line as if the dash were a space
            lines[row] = " ".repeat(n + 2 + extra) + rest.stripLeading();
            items.add(block(n + 1));
        }
        return new Sequence(items, first);
    }

    private Mapping mapping(int n) throws Unsupported {
        Map<String, Node> entries = new LinkedHashMap<>();
        int first = row + 1;
        while (true) {
            skipBlank();
            if (row >= lines.length) break;
            String l = lines[row];
            int ind = indent(l);
            if (ind != n) {
                if (ind > n) throw new Unsupported(row + 1, "unexpected indentation");
                break;
            }
            String content = l.substring(n);
            int end = keyEnd(content);
            if (end < 0) throw new Unsupported(row + 1, "expected `key: value`");
            String key = key(content.substring(0, end).strip());
            if (key.equals("<<")) throw new Unsupported(row + 1, "merge keys (<<) are not supported");
            String rest = content.substring(end + 1);
            int line = row + 1;
            row++;
            Node value;
            if (rest.isBlank() || rest.strip().startsWith("#")) {
                skipBlank();
                if (row < lines.length && (indent(lines[row]) > n || (indent(lines[row]) == n && startsSequence(lines[row].substring(n))))) {
                    value = block(indent(lines[row]) > n ? n + 1 : n);
                } else {
                    value = new Scalar("", line);
                }
            } else {
                value = scalarValue(rest.strip(), n, line);
            }
            if (entries.put(key, value) != null) throw new Unsupported(line, "duplicate key `" + key + "`");
        }
        return new Mapping(entries, first);
    }

    private static boolean startsSequence(String content) {
        return content.equals("-") || content.startsWith("- ");
    }

    private Unsupported unsupported(String what) {
        return new Unsupported(row, what);
    }

    /** A key's text: plain, or quoted. */
    private String key(String raw) throws Unsupported {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            Cursor c = new Cursor(raw, 0);
            String v = quoted(c);
            return v;
        }
        if (raw.startsWith("?") || raw.startsWith("&") || raw.startsWith("*") || raw.startsWith("!")) {
            throw unsupported("complex keys, anchors, aliases and tags are not supported");
        }
        return raw;
    }

    /** Where the ':' ending a key is, or -1 when the line is no {@code key: value}. */
    private static int keyEnd(String content) {
        if (content.startsWith("\"") || content.startsWith("'")) {
            char q = content.charAt(0);
            int k = 1;
            while (k < content.length()) {
                if (content.charAt(k) == q) {
                    if (q == '\'' && k + 1 < content.length() && content.charAt(k + 1) == '\'') {
                        k += 2;
                        continue;
                    }
                    break;
                }
                if (q == '"' && content.charAt(k) == '\\') k++;
                k++;
            }
            int after = k + 1;
            while (after < content.length() && content.charAt(after) == ' ') after++;
            if (after < content.length() && content.charAt(after) == ':'
                    && (after + 1 == content.length() || content.charAt(after + 1) == ' ')) return after;
            return -1;
        }
        if (content.startsWith("[") || content.startsWith("{") || content.startsWith("#")) return -1;
        for (int k = 0; k < content.length(); k++) {
            char c = content.charAt(k);
            if (c == '#' && k > 0 && content.charAt(k - 1) == ' ') return -1;
            if (c == ':' && (k + 1 == content.length() || content.charAt(k + 1) == ' ')) return k;
        }
        return -1;
    }

    /**
     * A value written after {@code key:} or {@code -}, or alone on its line: block scalar, quoted, flow or plain,
     * continued on the lines indented deeper than {@code parent}.
     */
    private Node scalarValue(String text, int parent, int line) throws Unsupported {
        char c = text.charAt(0);
        if (c == '&' || c == '*' || c == '!') throw new Unsupported(line, "anchors, aliases and tags are not supported");
        if (c == '|' || c == '>') return blockScalar(text, parent, line);
        if (c == '"' || c == '\'') {
            Cursor cur = new Cursor(text, 0);
            StringBuilder all = new StringBuilder(text);
            // a quoted scalar may go on over the next lines
            while (!closes(all.toString()) && row < lines.length) {
                all.append('\n').append(lines[row]);
                row++;
            }
            cur = new Cursor(all.toString(), 0);
            String v = quoted(cur);
            String tail = cur.rest().strip();
            if (!tail.isEmpty() && !tail.startsWith("#")) throw new Unsupported(line, "text after a quoted value");
            return new Scalar(v, line);
        }
        if (c == '[' || c == '{') {
            StringBuilder all = new StringBuilder(text);
            while (!balanced(all.toString()) && row < lines.length) {
                all.append('\n').append(lines[row]);
                row++;
            }
            Cursor cur = new Cursor(all.toString(), 0);
            Node n = flow(cur, line);
            String tail = cur.rest().strip();
            if (!tail.isEmpty() && !tail.startsWith("#")) throw new Unsupported(line, "text after a flow collection");
            return n;
        }
        StringBuilder v = new StringBuilder(stripComment(text));
        // a plain scalar continues on deeper lines, folded: one space per line break, a newline per blank line
        int blanks = 0;
        while (row < lines.length) {
            String l = lines[row];
            if (l.isBlank()) {
                blanks++;
                row++;
                continue;
            }
            if (indent(l) <= parent || l.strip().startsWith("#")) break;
            v.append(blanks > 0 ? "\n".repeat(blanks) : " ").append(stripComment(l.strip()));
            blanks = 0;
            row++;
        }
        if (blanks > 0) row -= 0;
        return new Scalar(v.toString(), line);
    }

    private static String stripComment(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '#' && (k == 0 || s.charAt(k - 1) == ' ' || s.charAt(k - 1) == '\t')) return s.substring(0, k).stripTrailing();
        }
        return s.stripTrailing();
    }

    private Node blockScalar(String header, int parent, int line) throws Unsupported {
        boolean literal = header.charAt(0) == '|';
        char chomp = 'c';
        int explicit = -1;
        String h = stripComment(header).strip();
        for (int k = 1; k < h.length(); k++) {
            char c = h.charAt(k);
            if (c == '-' || c == '+') chomp = c;
            else if (Character.isDigit(c)) explicit = c - '0';
            else throw new Unsupported(line, "bad block scalar header `" + h + "`");
        }
        List<String> body = new ArrayList<>();
        int contentIndent = explicit > 0 ? Math.max(0, parent) + explicit : -1;
        int firstLine = row + 1;
        while (row < lines.length) {
            String l = lines[row];
            if (l.isBlank()) {
                body.add("");
                row++;
                continue;
            }
            int ind = indent(l);
            if (ind < 0) throw new Unsupported(row + 1, "a tab in the indentation");
            if (contentIndent < 0) {
                if (ind <= parent) break;
                contentIndent = ind;
                firstLine = row + 1;
            }
            if (ind < contentIndent) break;
            body.add(l.substring(contentIndent));
            row++;
        }
        // trailing blank lines belong to the scalar only for chomping
        int trailing = 0;
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1);
            trailing++;
        }
        String text;
        if (literal) {
            text = String.join("\n", body);
        } else {
            StringBuilder f = new StringBuilder();
            boolean prevMore = false;
            for (int k = 0; k < body.size(); k++) {
                String l = body.get(k);
                boolean more = l.startsWith(" ") || l.startsWith("\t");
                if (k > 0) {
                    if (l.isEmpty()) f.append('\n');
                    else if (body.get(k - 1).isEmpty() || more || prevMore) f.append(body.get(k - 1).isEmpty() ? "" : "\n");
                    else f.append(' ');
                }
                f.append(l);
                prevMore = more;
            }
            text = f.toString();
        }
        if (!body.isEmpty() && chomp != '-') text += "\n";
        if (chomp == '+') text += "\n".repeat(trailing);
        return new Scalar(text, contentIndent < 0 ? line : firstLine);
    }

    private static boolean closes(String s) {
        try {
            quoted(new Cursor(s, 0));
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    private static boolean balanced(String s) {
        int depth = 0;
        char quote = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == '\\' && quote == '"') k++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '[' || c == '{') depth++;
            else if (c == ']' || c == '}') depth--;
            if (depth == 0 && k > 0) return true;
        }
        return depth == 0;
    }

    /** A position in text being read character by character (quoted and flow values). */
    private static final class Cursor {
        final String s;
        int i;

        Cursor(String s, int i) {
            this.s = s;
            this.i = i;
        }

        String rest() {
            return i >= s.length() ? "" : s.substring(i);
        }

        void skipSpace() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\t')) {
                if (s.charAt(i) == '#') break;
                i++;
            }
        }
    }

    private static String quoted(Cursor c) throws Unsupported {
        char q = c.s.charAt(c.i);
        c.i++;
        StringBuilder raw = new StringBuilder();
        while (true) {
            if (c.i >= c.s.length()) throw new Unsupported(0, "unclosed quote");
            char ch = c.s.charAt(c.i);
            if (ch == q) {
                if (q == '\'' && c.i + 1 < c.s.length() && c.s.charAt(c.i + 1) == '\'') {
                    raw.append('\'');
                    c.i += 2;
                    continue;
                }
                c.i++;
                break;
            }
            if (q == '"' && ch == '\\') {
                if (c.i + 1 >= c.s.length()) throw new Unsupported(0, "unclosed quote");
                char e = c.s.charAt(c.i + 1);
                c.i += 2;
                switch (e) {
                    case 'n' -> raw.append('\n');
                    case 't' -> raw.append('\t');
                    case '"', '\\', '/', ' ' -> raw.append(e);
                    case '0' -> raw.append('\0');
                    case '\n' -> {
                        // an escaped line break joins the lines without a space
                        while (c.i < c.s.length() && (c.s.charAt(c.i) == ' ' || c.s.charAt(c.i) == '\t')) c.i++;
                        raw.append('\u0003');
                    }
                    default -> throw new Unsupported(0, "escape \\" + e + " is not supported");
                }
                continue;
            }
            raw.append(ch);
            c.i++;
        }
        return fold(raw.toString()).replace("\u0003", "");
    }

    /** Line folding in flow scalars: a single break is a space, n+1 breaks are n newlines; indentation goes. */
    private static String fold(String raw) {
        if (raw.indexOf('\n') < 0) return raw;
        String[] parts = raw.split("\n", -1);
        StringBuilder out = new StringBuilder(parts[0].stripTrailing());
        int breaks = 0;
        for (int k = 1; k < parts.length; k++) {
            String p = parts[k].strip();
            if (p.isEmpty() && k < parts.length - 1) {
                breaks++;
                continue;
            }
            out.append(breaks == 0 ? " " : "\n".repeat(breaks)).append(p);
            breaks = 0;
        }
        return out.toString();
    }

    private static Node flow(Cursor c, int line) throws Unsupported {
        char open = c.s.charAt(c.i++);
        char close = open == '[' ? ']' : '}';
        List<Node> items = new ArrayList<>();
        Map<String, Node> entries = new LinkedHashMap<>();
        while (true) {
            c.skipSpace();
            if (c.i >= c.s.length()) throw new Unsupported(line, "unclosed flow collection");
            if (c.s.charAt(c.i) == close) {
                c.i++;
                break;
            }
            Node item = flowItem(c, line);
            c.skipSpace();
            if (open == '{' || (c.i < c.s.length() && c.s.charAt(c.i) == ':')) {
                if (c.i >= c.s.length() || c.s.charAt(c.i) != ':') {
                    entries.put(item instanceof Scalar s ? s.value() : "", new Scalar("", line));
                } else {
                    c.i++;
                    c.skipSpace();
                    Node value = c.i < c.s.length() && (c.s.charAt(c.i) == ',' || c.s.charAt(c.i) == close)
                            ? new Scalar("", line) : flowItem(c, line);
                    if (!(item instanceof Scalar key)) throw new Unsupported(line, "complex keys are not supported");
                    if (open == '{') entries.put(key.value(), value);
                    else items.add(new Mapping(Map.of(key.value(), value), line));
                }
            } else {
                items.add(item);
            }
            c.skipSpace();
            if (c.i < c.s.length() && c.s.charAt(c.i) == ',') c.i++;
        }
        return open == '[' ? new Sequence(items, line) : new Mapping(entries, line);
    }

    private static Node flowItem(Cursor c, int line) throws Unsupported {
        char ch = c.s.charAt(c.i);
        if (ch == '[' || ch == '{') return flow(c, line);
        if (ch == '"' || ch == '\'') return new Scalar(quoted(c), line);
        if (ch == '&' || ch == '*' || ch == '!') throw new Unsupported(line, "anchors, aliases and tags are not supported");
        int start = c.i;
        while (c.i < c.s.length()) {
            char d = c.s.charAt(c.i);
            if (d == ',' || d == ']' || d == '}' || d == '\n') break;
            if (d == ':' && (c.i + 1 >= c.s.length() || " ,]}\n".indexOf(c.s.charAt(c.i + 1)) >= 0)) break;
            if (d == '#' && c.i > start && c.s.charAt(c.i - 1) == ' ') break;
            c.i++;
        }
        return new Scalar(c.s.substring(start, c.i).strip(), line);
    }
}
