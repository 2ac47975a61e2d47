package dev.lintgate.python;

import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Region;
import java.util.List;
import java.util.Optional;

/**
 * Edits of import statements, for fixes: taking one name out, pointing a from-import at another module. An import statement holds only names, dots,
 * commas, parentheses, {@code as}, backslash continuations and comments, so its extent and the name's neighbours are
 * read from the lines themselves; anything else on its lines (a {@code ;}, a statement before it on the line, a
 * name list split in a way not handled here) gives no edit rather than a guess.
 */
public final class ImportEdits {
    private ImportEdits() {
    }

    /**
     * Edits removing {@code binding} from its statement: the whole statement when it binds nothing else
     * ({@code alone}), replaced by {@code pass} when it is the only statement of its block; else the name, its alias
     * and one comma.
     */
    public static Optional<List<Edit>> removal(PythonFile file, ImportBinding binding, boolean alone) {
        int first = binding.statementLine();
        String head = file.line(first);
        String indent = head.substring(0, head.length() - head.stripLeading().length());
        String code = head.stripLeading();
        if (!(code.startsWith("from ") || code.startsWith("import ") || code.startsWith("from\t") || code.startsWith("import\t"))) {
            return Optional.empty();
        }
        int last = statementEnd(file, first);
        if (last < 0) return Optional.empty();
        if (alone) {
            boolean onlyInBlock = nextCodeIndent(file, last) < indent.length()
                    && (previousCodeIndent(file, first) < indent.length() || previousCodeEndsWithColon(file, first));
            Region all = new Region(first, 1, last + 1, 1);
            return Optional.of(List.of(new Edit(all, onlyInBlock ? indent + "pass\n" : "")));
        }
        return nameEdit(file, binding);
    }

    /**
     * The edit that makes a from-import statement read {@code from module import ...}: the module as written
     * (relative or not) is replaced. Empty when the statement is not {@code from MODULE import} on its first line.
     */
    public static Optional<Edit> fromModule(PythonFile file, ImportBinding binding, String module) {
        int first = binding.statementLine();
        if (binding.name() == null || statementEnd(file, first) < 0) return Optional.empty();
        java.util.regex.Matcher m = FROM.matcher(file.line(first));
        if (!m.lookingAt()) return Optional.empty();
        String line = file.line(first);
        return Optional.of(edit(line, first, m.start(1), m.end(1), module));
    }

    private static final java.util.regex.Pattern FROM = java.util.regex.Pattern.compile("[ \\t]*from[ \\t]+([.\\w]+)[ \\t]+import\\b");

    /** The edit that replaces the imported name itself ({@code C} in {@code from m import C as D}). */
    public static Optional<Edit> importedName(PythonFile file, ImportBinding binding, String name) {
        Region r = binding.region();
        if (r.startLine() != r.endLine()) return Optional.empty();
        return Optional.of(new Edit(r, name));
    }

    /** The last line of the statement starting on {@code first}, or -1 when another statement shares its lines. */
    private static int statementEnd(PythonFile file, int first) {
        int depth = 0;
        for (int n = first; n <= file.lineCount(); n++) {
            String line = file.line(n);
            boolean continued = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '#') break;
                if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (c == ';') return -1;
                else if (c == '\\' && line.substring(i + 1).isBlank()) continued = true;
                else if (c == '"' || c == '\'') return -1;
            }
            if (depth < 0) return -1;
            if (depth == 0 && !continued) return n;
        }
        return -1;
    }

    /** The indentation of the next line holding code after {@code last}; -1 at the end of the file. */
    private static int nextCodeIndent(PythonFile file, int last) {
        for (int n = last + 1; n <= file.lineCount(); n++) {
            String line = file.line(n);
            String s = line.stripLeading();
            if (s.isEmpty() || s.startsWith("#")) continue;
            return line.length() - s.length();
        }
        return -1;
    }

    private static int previousCodeIndent(PythonFile file, int first) {
        for (int n = first - 1; n >= 1; n--) {
            String line = file.line(n);
            String s = line.stripLeading();
            if (s.isEmpty() || s.startsWith("#")) continue;
            return line.length() - s.length();
        }
        return -1;
    }

    /** True when the code line before the statement ends a block header ({@code if (A and\n B):}). */
    private static boolean previousCodeEndsWithColon(PythonFile file, int first) {
        for (int n = first - 1; n >= 1; n--) {
            String s = file.line(n).strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            int hash = s.indexOf('#');
            if (hash >= 0) s = s.substring(0, hash).strip();
            return s.endsWith(":");
        }
        return false;
    }

    /** The name and its alias, with the comma after it (or, for the last name, the comma before it), on one line. */
    private static Optional<List<Edit>> nameEdit(PythonFile file, ImportBinding b) {
        Region r = b.region();
        if (r.startLine() != r.endLine()) return Optional.empty();
        String line = file.line(r.startLine());
        int start = charIndex(line, r.startColumn());
        int end = charIndex(line, r.endColumn());
        if (start < 0 || end < 0) return Optional.empty();
        int after = skipSpaces(line, end);
        if (line.startsWith("as", after) && after + 2 < line.length() && Character.isWhitespace(line.charAt(after + 2))) {
            int alias = skipSpaces(line, after + 2);
            int aliasEnd = alias;
            while (aliasEnd < line.length() && Character.isJavaIdentifierPart(line.charAt(aliasEnd))) aliasEnd++;
            if (aliasEnd == alias) return Optional.empty();
            end = aliasEnd;
            after = skipSpaces(line, end);
        }
        if (after < line.length() && line.charAt(after) == ',') {
            int next = skipSpaces(line, after + 1);
            boolean restOfLineEmpty = next >= line.length() || line.charAt(next) == '#';
            if (!restOfLineEmpty) return Optional.of(List.of(edit(line, r.startLine(), start, next)));
            // "    Name,  # comment" alone on its line in a parenthesized list: the line goes
            if (line.substring(0, start).isBlank()) return Optional.of(List.of(Edit.deleteLines(r.startLine(), r.startLine())));
            return Optional.empty();
        }
        int before = start - 1;
        while (before >= 0 && (line.charAt(before) == ' ' || line.charAt(before) == '\t')) before--;
        if (before >= 0 && line.charAt(before) == ',') return Optional.of(List.of(edit(line, r.startLine(), before, end)));
        return Optional.empty();
    }

    private static Edit edit(String line, int lineNumber, int from, int to) {
        return edit(line, lineNumber, from, to, "");
    }

    private static Edit edit(String line, int lineNumber, int from, int to, String content) {
        int startColumn = line.codePointCount(0, from) + 1;
        int endColumn = line.codePointCount(0, to) + 1;
        return new Edit(Region.of(lineNumber, startColumn, endColumn), content);
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }

    /** The char index of a 1-based code-point column, or -1 past the end of the line. */
    private static int charIndex(String line, int column) {
        try {
            return line.offsetByCodePoints(0, column - 1);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
