package dev.lintgate.python;

import java.util.ArrayList;
import java.util.List;

/**
 * The replacement-field expressions of an f- or t-string token ({@code f"{a.b!r:>{width}}"} gives "a.b" and
 * "width"): the tokenizer keeps the literal as one token, but the names inside are runtime reads.
 */
final class FStringFields {
    private final char[] c;
    private final int end;
    private final boolean raw;
    private final List<String> out = new ArrayList<>(2);

    private FStringFields(char[] c, int end, boolean raw) {
        this.c = c;
        this.end = end;
        this.raw = raw;
    }

    /** {@code q} is the offset of the opening quote, {@code e} the token's end, {@code raw} for an r prefix. */
    static List<String> of(char[] c, int q, int e, boolean raw) {
        char quote = c[q];
        int n = (q + 2 < e && c[q + 1] == quote && c[q + 2] == quote && e - q >= 6) ? 3 : 1;
        FStringFields f = new FStringFields(c, Math.max(q + n, e - n), raw);
        f.literal(q + n, 0);
        return f.out;
    }

    /** Literal text from p until the end or an unmatched '}' (the end of an enclosing format spec). */
    private int literal(int p, int nesting) {
        while (p < end) {
            char ch = c[p];
            if (ch == '{') {
                if (p + 1 < end && c[p + 1] == '{' && nesting == 0) {
                    p += 2;
                    continue;
                }
                p = field(p + 1, nesting);
            } else if (ch == '}') {
                if (nesting > 0) {
                    return p;
                }
                p += (p + 1 < end && c[p + 1] == '}') ? 2 : 1;
            } else if (ch == '\\' && !raw) {
                // "\N{GREEK SMALL LETTER ALPHA}" is a character name, not a field; other escapes never hide a brace
                if (p + 2 < end && c[p + 1] == 'N' && c[p + 2] == '{') {
                    while (p < end && c[p] != '}') {
                        p++;
                    }
                    p++;
                } else {
                    p += (p + 1 < end && c[p + 1] != '{' && c[p + 1] != '}') ? 2 : 1;
                }
            } else {
                p++;
            }
        }
        return p;
    }

    /** A field after '{': the expression, an optional '=', '!conv' and ':spec', up to the closing '}'. */
    private int field(int p, int nesting) {
        if (nesting > 20) {
            return end;
        }
        int s = p;
        int depth = 0;
        while (p < end) {
            char ch = c[p];
            if (ch == '\'' || ch == '"') {
                p = skipString(p);
                continue;
            }
            if (Tokens.opens(ch)) {
                depth++;
            } else if (ch == ')' || ch == ']' || (ch == '}' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (ch == '}' || ch == ':' || (ch == '!' && (p + 1 >= end || c[p + 1] != '=')))) {
                break;
            }
            p++;
        }
        int exprEnd = p;
        // "{x=}" (self-documenting): drop the trailing '='
        int k = exprEnd - 1;
        while (k > s && Character.isWhitespace(c[k])) {
            k--;
        }
        if (k > s && c[k] == '=' && "=!<>".indexOf(c[k - 1]) < 0) {
            exprEnd = k;
        }
        if (exprEnd > s) {
            out.add(new String(c, s, exprEnd - s));
        }
        if (p < end && c[p] == '!') {
            while (p < end && c[p] != ':' && c[p] != '}') {
                p++;
            }
        }
        if (p < end && c[p] == ':') {
            p = literal(p + 1, nesting + 1);
        }
        return p < end ? p + 1 : p;
    }

    private int skipString(int p) {
        char quote = c[p];
        boolean triple = p + 2 < end && c[p + 1] == quote && c[p + 2] == quote;
        p += triple ? 3 : 1;
        while (p < end) {
            if (c[p] == '\\') {
                p += 2;
                continue;
            }
            if (c[p] == quote && (!triple || (p + 2 < end && c[p + 1] == quote && c[p + 2] == quote))) {
                return p + (triple ? 3 : 1);
            }
            p++;
        }
        return p;
    }
}
