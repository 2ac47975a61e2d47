package dev.lintgate.python;

/**
 * Reads a decorator line: {@code @a.b} or {@code @a.b(...)} gives the dotted name and, when the first positional
 * argument is a plain string literal (implicit concatenation and grouping parentheses allowed), its decoded value.
 */
final class DecoratorReader {
    private final Tokens t;
    private final FactStrings strings;

    DecoratorReader(Tokens t, FactStrings strings) {
        this.t = t;
        this.strings = strings;
    }

    /** The decorator on tokens [s, e), s being the '@'. */
    Decorator read(int s, int e) {
        int nameEnd = t.dottedNameEnd(s + 1, e);
        String dotted = null;
        String firstString = null;
        if (nameEnd > s + 1 && nameEnd == e) {
            dotted = t.joined(s + 1, nameEnd);
        } else if (nameEnd > s + 1 && t.isOp(nameEnd, '(') && t.isOp(e - 1, ')') && t.closingBracket(nameEnd, e) == e - 1) {
            dotted = t.joined(s + 1, nameEnd);
            firstString = firstStringArgument(nameEnd + 1, e - 1);
        }
        if (dotted == null) {
            // not a (called) dotted name: keep the source so rules can still show it, but it matches no qualified name
            dotted = e > s + 1 ? t.source.text(t.start[s + 1], t.end[e - 1]) : "";
        }
        return new Decorator(strings.of(dotted), strings.of(firstString), t.region(s, e));
    }

    private String firstStringArgument(int s, int e) {
        int argEnd = s;
        int depth = 0;
        while (argEnd < e && !(depth == 0 && t.isOp(argEnd, ','))) {
            if (t.kind[argEnd] == Tokens.OP && t.length(argEnd) == 1) {
                char ch = t.source.chars[t.start[argEnd]];
                depth += Tokens.opens(ch) ? 1 : Tokens.closes(ch) ? -1 : 0;
            }
            argEnd++;
        }
        // ("x") is the same literal; the parentheses only group (capped like CPython's nesting limit)
        for (int k = 0; k < 200 && argEnd - s >= 3 && t.isOp(s, '(') && t.closingBracket(s, argEnd) == argEnd - 1; k++) {
            s++;
            argEnd--;
        }
        StringBuilder value = new StringBuilder();
        for (int i = s; i < argEnd; i++) {
            if (t.kind[i] != Tokens.STRING || !StringLiteral.isPlain(t.source.chars, t.start[i], t.end[i])) {
                return null;
            }
            String part = StringLiteral.value(t.source.chars, t.start[i], t.end[i]);
            if (part == null) {
                return null;
            }
            value.append(part);
        }
        return argEnd > s ? value.toString() : null;
    }
}
