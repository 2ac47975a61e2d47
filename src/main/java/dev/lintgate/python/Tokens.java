package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The token stream of one file as parallel arrays (kind, start, end offsets into {@link SourceText#chars}): one
 * object per file instead of one per token keeps the scanner at tens of MB/s.
 */
final class Tokens {
    static final byte NAME = 1;
    static final byte NUMBER = 2;
    /** Any string literal, f- and t-strings included, as one token with its prefix. */
    static final byte STRING = 3;
    static final byte OP = 4;
    /** End of a logical line. Blank and comment-only lines produce nothing. */
    static final byte NEWLINE = 5;
    static final byte INDENT = 6;
    static final byte DEDENT = 7;
    static final byte END = 8;

    final SourceText source;
    private final char[] c;
    byte[] kind;
    int[] start;
    int[] end;
    int size;

    Tokens(SourceText source) {
        this.source = source;
        this.c = source.chars;
        int capacity = Math.max(16, source.length / 4);
        kind = new byte[capacity];
        start = new int[capacity];
        end = new int[capacity];
    }

    void add(byte k, int s, int e) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
        }
        kind[size] = k;
        start[size] = s;
        end[size] = e;
        size++;
    }

    int length(int i) {
        return end[i] - start[i];
    }

    /** True when token i is a NAME or OP spelled exactly {@code text}. */
    boolean is(int i, String text) {
        if (i >= size) {
            return false;
        }
        byte k = kind[i];
        if (k != NAME && k != OP) {
            return false;
        }
        int s = start[i];
        int n = end[i] - s;
        if (n != text.length()) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (c[s + j] != text.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    boolean isOp(int i, char op) {
        return i < size && kind[i] == OP && end[i] - start[i] == 1 && c[start[i]] == op;
    }

    boolean isName(int i) {
        return i < size && kind[i] == NAME;
    }

    String text(int i) {
        return new String(c, start[i], end[i] - start[i]);
    }

    /** A NAME as Python binds it: non-ASCII identifiers are NFKC-normalized (PEP 3131), so {@code 𝔘} is {@code U}. */
    String name(int i) {
        for (int k = start[i]; k < end[i]; k++) {
            if (c[k] >= 0x80) {
                return Normalizer.normalize(text(i), Normalizer.Form.NFKC);
            }
        }
        return text(i);
    }

    /** End of NAME ('.' NAME)* starting at i, within [i, e); i itself when there is no name. */
    int dottedNameEnd(int i, int e) {
        if (i >= e || !isName(i)) {
            return i;
        }
        int last = i + 1;
        while (last + 1 < e && isOp(last, '.') && isName(last + 1)) {
            last += 2;
        }
        return last;
    }

    /** A dotted name on tokens [s, e) without the whitespace between them: {@code a . b} reads "a.b". */
    String joined(int s, int e) {
        if (e - s == 1) {
            return name(s);
        }
        StringBuilder b = new StringBuilder();
        for (int i = s; i < e; i++) {
            b.append(kind[i] == NAME ? name(i) : text(i));
        }
        return b.toString();
    }

    /** Index of the bracket that closes the one at {@code open}, searching before e; -1 when none does. */
    int closingBracket(int open, int e) {
        int depth = 0;
        for (int i = open; i < e; i++) {
            if (kind[i] == OP && end[i] - start[i] == 1) {
                char ch = c[start[i]];
                if (ch == '(' || ch == '[' || ch == '{') {
                    depth++;
                } else if ((ch == ')' || ch == ']' || ch == '}') && --depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The source region from token fromToken up to (excluding) toToken; empty at fromToken when they are equal. */
    Region region(int fromToken, int toToken) {
        int s = start[fromToken];
        return source.region(s, toToken > fromToken ? end[toToken - 1] : s);
    }
}
