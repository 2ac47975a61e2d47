package dev.lintgate.python;

/** Decodes the value of a plain (non-f, non-bytes) string literal token, escapes included. */
final class StringLiteral {
    private StringLiteral() {
    }

    /** True for str literals whose value is known without evaluation: no f/t prefix, no b prefix. */
    static boolean isPlain(char[] c, int s, int e) {
        for (int i = s; i < e && c[i] != '\'' && c[i] != '"'; i++) {
            char p = Character.toLowerCase(c[i]);
            if (p == 'f' || p == 't' || p == 'b') {
                return false;
            }
        }
        return true;
    }

    /** The value of the literal token [s, e), or null when it is unterminated. */
    static String value(char[] c, int s, int e) {
        boolean raw = false;
        int q = s;
        while (q < e && c[q] != '\'' && c[q] != '"') {
            raw |= Character.toLowerCase(c[q]) == 'r';
            q++;
        }
        if (q >= e) {
            return null;
        }
        char quote = c[q];
        boolean triple = q + 5 < e && c[q + 1] == quote && c[q + 2] == quote;
        int open = triple ? 3 : 1;
        int from = q + open;
        int to = e - open;
        if (to < from || c[e - 1] != quote) {
            return null;
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char ch = c[i];
            if (ch == '\r') {
                // CPython reads source with universal newlines
                out.append('\n');
                i += (i + 1 < to && c[i + 1] == '\n') ? 2 : 1;
                continue;
            }
            if (ch != '\\' || i + 1 >= to) {
                out.append(ch);
                i++;
                continue;
            }
            char next = c[i + 1];
            if (raw) {
                out.append(ch).append(next);
                i += 2;
                continue;
            }
            i += 2;
            switch (next) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < to && c[i] == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.append(next);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x' -> i = hex(c, i, to, 2, out);
                case 'u' -> i = hex(c, i, to, 4, out);
                case 'U' -> i = hex(c, i, to, 8, out);
                case 'N' -> i = named(c, i, to, out);
                default -> {
                    if (next >= '0' && next <= '7') {
                        int v = next - '0';
                        int k = 1;
                        while (k < 3 && i < to && c[i] >= '0' && c[i] <= '7') {
                            v = v * 8 + (c[i] - '0');
                            i++;
                            k++;
                        }
                        out.appendCodePoint(v);
                    } else {
                        out.append('\\').append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(char[] c, int i, int to, int digits, StringBuilder out) {
        if (i + digits > to) {
            out.append('\\').append(c[i - 1]);
            return i;
        }
        int v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(c[i + k], 16);
            if (d < 0) {
                out.append('\\').append(c[i - 1]);
                return i;
            }
            v = v * 16 + d;
        }
        if (Character.isValidCodePoint(v)) {
            out.appendCodePoint(v);
        }
        return i + digits;
    }

    private static int named(char[] c, int i, int to, StringBuilder out) {
        if (i < to && c[i] == '{') {
            int close = i + 1;
            while (close < to && c[close] != '}') {
                close++;
            }
            if (close < to) {
                try {
                    out.appendCodePoint(Character.codePointOf(new String(c, i + 1, close - i - 1)));
                    return close + 1;
                } catch (IllegalArgumentException unknownName) {
                    // fall through: keep the text as written
                }
            }
        }
        out.append("\\N");
        return i;
    }
}
