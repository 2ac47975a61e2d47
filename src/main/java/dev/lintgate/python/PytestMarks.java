package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a test module or conftest says about pytest marks, read from the token stream (no tree needed): the marks it
 * uses, the marker lines it registers with {@code config.addinivalue_line("markers", ...)}, the modules it names
 * in {@code pytest_plugins}, and which functions are {@code async def}. Whatever cannot be known without running
 * the code (a computed registration, a computed plugin list) sets a flag instead of being guessed.
 *
 * @param uses                 every {@code pytest.mark.NAME} (any import spelling) and string-named
 *                             {@code add_marker}/{@code applymarker} call
 * @param registrations        marker lines (as pytest's {@code markers} option holds them) registered in code
 * @param dynamicRegistration  some {@code addinivalue_line("markers", ...)} argument is computed
 * @param pytestPlugins        modules named by {@code pytest_plugins}
 * @param dynamicPlugins       {@code pytest_plugins} is assigned something other than string literals
 * @param asyncFunctions       lines of the names of {@code async def} functions
 */
public record PytestMarks(List<Use> uses, List<Registration> registrations, boolean dynamicRegistration,
                          List<String> pytestPlugins, boolean dynamicPlugins, Set<Integer> asyncFunctions) {

    /** A mark named in code; {@code region} covers the name. */
    public record Use(String name, Region region) {
    }

    /** One registered marker line ("slow: slow tests") and where its argument is written. */
    public record Registration(String line, Region region) {
    }

    public static PytestMarks scan(PythonFile file, byte[] content) {
        return scan(() -> file, content);
    }

    /** The file is asked for only when an import renames pytest, so callers need not parse what they have read. */
    public static PytestMarks scan(Supplier<PythonFile> file, byte[] content) {
        SourceText text = SourceText.decode(content);
        Tokens t = Tokenizer.run(text).tokens;
        Set<String> pytestNames = new HashSet<>();
        Set<String> markNames = new HashSet<>();
        if (!renamesPytest(t)) {
            // plain `import pytest` (or none: then `pytest.mark` cannot run anyway); the statement scan is not needed
            pytestNames.add("pytest");
            return new Reader(t, pytestNames, markNames).read();
        }
        for (ImportBinding b : file.get().imports()) {
            if (b.target() == null || b.isStar()) continue;
            if (b.target().equals("pytest")) pytestNames.add(b.boundName());
            if (b.target().equals("pytest.mark") || b.target().equals("_pytest.mark.MARK_GEN")) markNames.add(b.boundName());
        }
        return new Reader(t, pytestNames, markNames).read();
    }

    /** Whether some import binds pytest or its mark generator under another name ({@code as}, {@code from pytest}). */
    private static boolean renamesPytest(Tokens t) {
        char[] c = t.source.chars;
        for (int i = 0; i + 1 < t.size; i++) {
            // every token is looked at: the first letter settles almost all of them
            if (t.kind[i] != Tokens.NAME) continue;
            char first = c[t.start[i]];
            if (first == 'f' && t.is(i, "from") && (t.is(i + 1, "pytest") || t.is(i + 1, "_pytest"))) return true;
            if (first == 'p' && t.is(i, "pytest") && t.is(i + 1, "as")) return true;
        }
        return false;
    }

    private static final class Reader {
        private final Tokens t;
        private final char[] c;
        private final String[] pytestNames;
        private final String[] markNames;
        private final List<Use> uses = new ArrayList<>();
        private final List<Registration> registrations = new ArrayList<>();
        private final List<String> plugins = new ArrayList<>();
        private final Set<Integer> asyncLines = new HashSet<>();
        // `for name in ["a", "b"]:` seen so far; registrations that name the variable expand to every value
        private final Map<String, List<String>> loopValues = new HashMap<>();
        private boolean dynamicRegistration;
        private boolean dynamicPlugins;

        Reader(Tokens t, Set<String> pytestNames, Set<String> markNames) {
            this.t = t;
            this.c = t.source.chars;
            this.pytestNames = pytestNames.toArray(String[]::new);
            this.markNames = markNames.toArray(String[]::new);
        }

        PytestMarks read() {
            int n = t.size;
            // names are compared in place: a String per NAME token would cost more than the tokenizer
            for (int i = 0; i < n; i++) {
                if (t.kind[i] != Tokens.NAME || (i > 0 && t.isOp(i - 1, '.'))) continue;
                if (isOneOf(i, pytestNames) && t.isOp(i + 1, '.') && t.is(i + 2, "mark") && t.isOp(i + 3, '.') && t.isName(i + 4)) {
                    uses.add(new Use(t.name(i + 4), t.region(i + 4, i + 5)));
                    i += 4;
                } else if (isOneOf(i, markNames) && t.isOp(i + 1, '.') && t.isName(i + 2)) {
                    uses.add(new Use(t.name(i + 2), t.region(i + 2, i + 3)));
                    i += 2;
                } else if (t.is(i, "for") && t.isName(i + 1) && t.is(i + 2, "in")) {
                    readLoop(i + 1);
                } else if (t.is(i, "async") && t.is(i + 1, "def") && t.isName(i + 2)) {
                    asyncLines.add(t.source.lineOf(t.start[i + 2]));
                } else if (t.is(i, "pytest_plugins") && atStatementStart(i) && t.isOp(i + 1, '=')) {
                    readPlugins(i + 2);
                }
            }
            // calls are matched on the attribute after a dot, so they are a second pass
            for (int i = 1; i < n; i++) {
                if (t.kind[i] != Tokens.NAME || !t.isOp(i - 1, '.') || !t.isOp(i + 1, '(')) continue;
                if (t.is(i, "add_marker") || t.is(i, "applymarker")) {
                    String s = plainString(i + 2);
                    if (s != null && (t.isOp(i + 3, ')') || t.isOp(i + 3, ','))) uses.add(new Use(s, t.region(i + 2, i + 3)));
                } else if (t.is(i, "addinivalue_line") && "markers".equals(plainString(i + 2)) && t.isOp(i + 3, ',')) {
                    readRegistration(i + 4);
                }
            }
            return new PytestMarks(List.copyOf(uses), List.copyOf(registrations), dynamicRegistration, List.copyOf(plugins),
                    dynamicPlugins, Set.copyOf(asyncLines));
        }

        private boolean isOneOf(int i, String[] names) {
            for (String name : names) {
                if (t.is(i, name)) return true;
            }
            return false;
        }

        private boolean atStatementStart(int i) {
            if (i == 0) return true;
            byte k = t.kind[i - 1];
            return k == Tokens.NEWLINE || k == Tokens.INDENT || k == Tokens.DEDENT;
        }

        private void readLoop(int var) {
            int open = var + 2;
            if (!(t.isOp(open, '[') || t.isOp(open, '('))) return;
            int close = t.closingBracket(open, t.size);
            if (close < 0 || !t.isOp(close + 1, ':')) return;
            List<String> values = strings(open + 1, close);
            if (values != null) loopValues.put(t.text(var), values);
        }

        private void readPlugins(int s) {
            String single = plainString(s);
            if (single != null && endsExpression(s + 1)) {
                plugins.add(single);
                return;
            }
            if (t.isOp(s, '[') || t.isOp(s, '(')) {
                int close = t.closingBracket(s, t.size);
                List<String> values = close < 0 ? null : strings(s + 1, close);
                if (values != null && endsExpression(close + 1)) {
                    plugins.addAll(values);
                    return;
                }
            }
            dynamicPlugins = true;
        }

        private void readRegistration(int arg) {
            Region region = arg < t.size ? t.region(arg, arg + 1) : Region.line(1);
            if (!endsExpression(arg + 1) && !t.isOp(arg + 1, ')')) {
                dynamicRegistration = true;
                return;
            }
            String plain = plainString(arg);
            if (plain != null) {
                registrations.add(new Registration(plain, region));
            } else if (t.kind[arg] == Tokens.NAME && loopValues.containsKey(t.text(arg))) {
                for (String v : loopValues.get(t.text(arg))) registrations.add(new Registration(v, region));
            } else if (t.kind[arg] == Tokens.STRING) {
                List<String> lines = fString(t.text(arg));
                if (lines == null) {
                    dynamicRegistration = true;
                } else {
                    for (String l : lines) registrations.add(new Registration(l, region));
                }
            } else {
                dynamicRegistration = true;
            }
        }

        /**
         * The marker lines an f-string can produce, when the part pytest takes the name from (up to the first
         * {@code :} or {@code (}) is constant or a loop variable over literals; null otherwise.
         */
        private List<String> fString(String token) {
            int q = 0;
            boolean f = false;
            while (q < token.length() && token.charAt(q) != '"' && token.charAt(q) != '\'') {
                char p = Character.toLowerCase(token.charAt(q));
                if (p == 'b' || p == 't') return null;
                f |= p == 'f';
                q++;
            }
            if (!f || q >= token.length()) return null;
            int quote = token.startsWith("\"\"\"", q) || token.startsWith("'''", q) ? 3 : 1;
            if (token.length() < q + 2 * quote) return null;
            String body = token.substring(q + quote, token.length() - quote);
            List<String> variants = new ArrayList<>();
            variants.add(body);
            for (Map.Entry<String, List<String>> e : loopValues.entrySet()) {
                String placeholder = "{" + e.getKey() + "}";
                if (!body.contains(placeholder)) continue;
                List<String> next = new ArrayList<>();
                for (String v : variants) {
                    for (String value : e.getValue()) next.add(v.replace(placeholder, value.replace("{", "{{").replace("}", "}}")));
                }
                variants = next;
            }
            List<String> out = new ArrayList<>();
            for (String v : variants) {
                StringBuilder name = new StringBuilder();
                for (int i = 0; i < v.length(); i++) {
                    char ch = v.charAt(i);
                    if ((ch == '{' || ch == '}') && i + 1 < v.length() && v.charAt(i + 1) == ch) {
                        name.append(ch);
                        i++;
                    } else if (ch == '{') {
                        return null;
                    } else if (ch == ':' || ch == '(') {
                        break;
                    } else {
                        name.append(ch);
                    }
                }
                // the rest is only documentation: keep the derived name, which is all pytest uses
                out.add(name.toString());
            }
            return out;
        }

        /** String literals separated by commas in [s, e); null when anything else is there. */
        private List<String> strings(int s, int e) {
            List<String> out = new ArrayList<>();
            for (int i = s; i < e; i++) {
                String v = plainString(i);
                if (v == null) return null;
                out.add(v);
                if (i + 1 < e && !t.isOp(i + 1, ',')) return null;
                i++;
            }
            return out;
        }

        private boolean endsExpression(int i) {
            return i >= t.size || t.kind[i] == Tokens.NEWLINE || t.isOp(i, ',') || t.isOp(i, ')') || t.kind[i] == Tokens.END;
        }

        private String plainString(int i) {
            if (i >= t.size || t.kind[i] != Tokens.STRING || !StringLiteral.isPlain(c, t.start[i], t.end[i])) return null;
            return StringLiteral.value(c, t.start[i], t.end[i]);
        }
    }
}
