package dev.lintgate.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Method calls, class headers and keyword values of one file read from its token stream, for the few readers that
 * need a call's arguments rather than statement facts: conftests' {@code parser.addoption(...)}, noxfiles'
 * {@code session.run(...)}, the bases of test classes, setup.py's {@code use_scm_version={"write_to": ...}}. An argument is kept as written, with its value when it is a plain string literal;
 * nothing is evaluated.
 */
public final class CallSites {

    /**
     * One argument: {@code keyword} is set for {@code name=value} (and {@code text} is then the value), {@code star}
     * is 1 or 2 for {@code *x}/{@code **x} (and {@code text} is {@code x}); {@code literal} is the value of a plain
     * string literal (implicit concatenation included), else null.
     */
    public record Argument(String keyword, int star, String literal, String text) {
    }

    /**
     * {@code receiver.method(arguments)}: {@code receiver} is the plain name before the dot, or null when the call is
     * made on anything else ({@code parser.getgroup("x").addoption(...)}); {@code function} identifies the innermost
     * enclosing {@code def} by its line, 0 at module level.
     */
    public record Call(String receiver, String method, int line, int function, List<Argument> arguments) {
    }

    /** {@code class name(bases):}, the bases as arguments (a {@code metaclass=} is a keyword argument). */
    public record ClassHeader(String name, int line, List<Argument> bases) {
    }

    private final Tokens t;

    private CallSites(Tokens t) {
        this.t = t;
    }

    public static CallSites of(byte[] content) {
        return new CallSites(Tokenizer.run(SourceText.decode(content)).tokens);
    }

    /** Every call of one of the methods, in source order. */
    public List<Call> methodCalls(Set<String> methods) {
        List<Call> out = new ArrayList<>();
        Deque<int[]> functions = new ArrayDeque<>();
        int depth = 0;
        boolean header = false;
        for (int i = 0; i < t.size; i++) {
            byte k = t.kind[i];
            if (k == Tokens.INDENT) {
                depth++;
                continue;
            }
            if (k == Tokens.DEDENT) {
                depth--;
                while (!functions.isEmpty() && functions.peek()[0] > depth) functions.pop();
                continue;
            }
            if (k == Tokens.NEWLINE) {
                // a one-line def has no indented body: it ends with its line
                if (header && i + 1 < t.size && t.kind[i + 1] != Tokens.INDENT) functions.pop();
                header = false;
                continue;
            }
            if (t.is(i, "def") && statementStart(i > 0 && t.is(i - 1, "async") ? i - 1 : i)) {
                functions.push(new int[] {depth + 1, t.source.lineOf(t.start[i])});
                header = true;
                continue;
            }
            if (k != Tokens.NAME || i == 0 || !t.isOp(i - 1, '.') || !t.isOp(i + 1, '(')) continue;
            String method = t.text(i);
            if (!methods.contains(method)) continue;
            int close = t.closingBracket(i + 1, t.size);
            if (close < 0) continue;
            String receiver = i >= 2 && t.isName(i - 2) && (i < 3 || !t.isOp(i - 3, '.')) ? t.name(i - 2) : null;
            out.add(new Call(receiver, method, t.source.lineOf(t.start[i]), functions.isEmpty() ? 0 : functions.peek()[1],
                    arguments(i + 2, close)));
        }
        return out;
    }

    /** Every class header, nested ones included, in source order. */
    public List<ClassHeader> classes() {
        List<ClassHeader> out = new ArrayList<>();
        for (int i = 0; i + 1 < t.size; i++) {
            if (!t.is(i, "class") || !t.isName(i + 1) || !statementStart(i)) continue;
            List<Argument> bases = List.of();
            if (t.isOp(i + 2, '(')) {
                int close = t.closingBracket(i + 2, t.size);
                if (close > 0) bases = arguments(i + 3, close);
            }
            out.add(new ClassHeader(t.name(i + 1), t.source.lineOf(t.start[i]), bases));
        }
        return out;
    }

    /**
     * The plain string values given to one of {@code keys}, anywhere in the file: as a keyword argument
     * ({@code write_to="pkg/_version.py"}) or a dict entry ({@code {"write_to": "pkg/_version.py"}}).
     */
    public List<String> stringValuesOf(Collection<String> keys) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 < t.size; i++) {
            String key = null;
            if (t.isName(i) && t.isOp(i + 1, '=') && i > 0 && (t.isOp(i - 1, '(') || t.isOp(i - 1, ','))) {
                key = t.name(i);
            } else if (t.kind[i] == Tokens.STRING && t.isOp(i + 1, ':')) {
                key = literal(i, i + 1);
            }
            if (key == null || !keys.contains(key)) continue;
            String value = literal(i + 2, i + 3);
            if (value != null && (i + 3 >= t.size || !(t.kind[i + 3] == Tokens.STRING))) out.add(value);
        }
        return out;
    }

    private boolean statementStart(int i) {
        if (i == 0) return true;
        byte k = t.kind[i - 1];
        return k == Tokens.NEWLINE || k == Tokens.INDENT || k == Tokens.DEDENT || t.isOp(i - 1, ';') || t.isOp(i - 1, ':');
    }

    /** The arguments in tokens [s, e), split at top-level commas. */
    private List<Argument> arguments(int s, int e) {
        List<Argument> out = new ArrayList<>();
        for (int a = s; a < e; ) {
            int comma = t.topLevel(a, e, ',');
            int end = comma < 0 ? e : comma;
            if (end > a) out.add(argument(a, end));
            a = end + 1;
        }
        return out;
    }

    private Argument argument(int s, int e) {
        if (t.isOp(s, '*')) return new Argument(null, 1, null, text(s + 1, e));
        if (t.is(s, "**")) return new Argument(null, 2, null, text(s + 1, e));
        if (t.isName(s) && s + 2 < e + 1 && t.isOp(s + 1, '=')) {
            return new Argument(t.name(s), 0, literal(s + 2, e), text(s + 2, e));
        }
        return new Argument(null, 0, literal(s, e), text(s, e));
    }

    private String text(int s, int e) {
        return e > s ? new String(t.source.chars, t.start[s], t.end[e - 1] - t.start[s]) : "";
    }

    private String literal(int s, int e) {
        if (e <= s) return null;
        char[] c = t.source.chars;
        StringBuilder out = new StringBuilder();
        for (int i = s; i < e; i++) {
            if (t.kind[i] != Tokens.STRING || !StringLiteral.isPlain(c, t.start[i], t.end[i])) return null;
            out.append(StringLiteral.value(c, t.start[i], t.end[i]));
        }
        return out.toString();
    }
}
