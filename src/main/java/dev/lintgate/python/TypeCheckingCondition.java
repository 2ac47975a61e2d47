package dev.lintgate.python;

import java.util.Set;

/**
 * Decides from the tokens of an {@code if}/{@code elif} condition whether a branch only runs under a type checker.
 * "Typing-only" spellings: {@code TYPE_CHECKING}, any dotted name ending in {@code .TYPE_CHECKING}, an alias of
 * {@code typing.TYPE_CHECKING} bound in the file, {@code False} and the integer 0.
 */
final class TypeCheckingCondition {
    /** CPython's parser stops at 200 nested parentheses; the cap keeps hostile conditions linear and shallow. */
    private static final int MAX_NESTING = 200;

    private final Tokens t;
    private final Set<String> aliases;

    TypeCheckingCondition(Tokens t, Set<String> aliases) {
        this.t = t;
        this.aliases = aliases;
    }

    /**
     * True when the condition being true implies TYPE_CHECKING: a typing-only spelling, or an {@code and} with such
     * an operand (any operand: {@code X and TYPE_CHECKING} is just as dead at runtime).
     */
    boolean bodyIsTypingOnly(int s, int e) {
        return bodyIsTypingOnly(s, e, 0);
    }

    private boolean bodyIsTypingOnly(int s, int e, int nesting) {
        if (nesting > MAX_NESTING) {
            return false;
        }
        long r = strip(s, e);
        s = (int) (r >>> 32);
        e = (int) r;
        if (isTypingOnlySpelling(s, e)) {
            return true;
        }
        int depth = 0;
        int operandStart = s;
        boolean sawAnd = false;
        boolean result = false;
        for (int i = s; i < e; i++) {
            int k = t.code[i];
            if (Tokens.opens(k)) {
                depth++;
            } else if (Tokens.closes(k)) {
                depth--;
            } else if (depth == 0 && t.kind[i] == Tokens.NAME) {
                if (k == Tokens.OR || k == Tokens.IF || k == Tokens.ELSE || k == Tokens.LAMBDA) {
                    return false; // a lower-precedence operator: the and-operands are not the whole condition
                }
                if (k == Tokens.AND) {
                    sawAnd = true;
                    result |= operandStart < i && bodyIsTypingOnly(operandStart, i, nesting + 1);
                    operandStart = i + 1;
                }
            }
        }
        if (!sawAnd) {
            return false;
        }
        return result || (operandStart < e && bodyIsTypingOnly(operandStart, e, nesting + 1));
    }

    /** True for exactly {@code not <typing-only spelling>}: the else branch then only runs under a type checker. */
    boolean isNegatedTypingOnly(int s, int e) {
        long r = strip(s, e);
        s = (int) (r >>> 32);
        e = (int) r;
        return e - s >= 2 && t.is(s, Tokens.NOT) && isTypingOnlySpelling(s + 1, e);
    }

    /**
     * For an {@code and}/{@code or} at token {@code op} of an expression starting at {@code s}: the end of the operands
     * Python never evaluates because the operand before {@code op} settles the result, or -1. After
     * {@code not TYPE_CHECKING or} the or-chain is true already ({@code assert not TYPE_CHECKING or isinstance(x, T)}
     * never looks at {@code T}); after {@code TYPE_CHECKING and} the and-chain is false already. The operand must stand
     * alone ({@code A and not TYPE_CHECKING or B} evaluates B when A is false), and the skipped operands end where an
     * operator of lower precedence, a comma, a colon, a comprehension's {@code for} or the enclosing bracket does.
     */
    int shortCircuitEnd(int s, int op, int e) {
        boolean or = t.code[op] == Tokens.OR;
        int spellingEnd = op;
        int spellingStart = spellingStart(s, spellingEnd);
        if (spellingStart < 0) return -1;
        int operandStart = spellingStart;
        if (or) {
            if (spellingStart == s || !t.is(spellingStart - 1, Tokens.NOT)) return -1;
            operandStart = spellingStart - 1;
        }
        if (operandStart > s && !standsAlone(operandStart - 1, or)) return -1;
        int depth = 0;
        for (int i = op + 1; i < e; i++) {
            int k = t.code[i];
            if (k == 0) continue;
            if (Tokens.opens(k)) {
                depth++;
            } else if (Tokens.closes(k)) {
                if (--depth < 0) return i;
            } else if (depth == 0 && (k == ',' || k == ':' || k == Tokens.IF || k == Tokens.ELSE || k == Tokens.FOR
                    || k == Tokens.ASYNC || (!or && k == Tokens.OR))) {
                return i;
            }
        }
        return e;
    }

    /** The first token of a typing-only spelling ending just before {@code end}, or -1. */
    private int spellingStart(int s, int end) {
        int i = end - 1;
        if (i < s || t.kind[i] != Tokens.NAME && t.kind[i] != Tokens.NUMBER) return -1;
        // a dotted spelling ("typing.TYPE_CHECKING"): back over ".name" pairs
        while (i - 2 >= s && t.isOp(i - 1, '.') && t.kind[i - 2] == Tokens.NAME) i -= 2;
        for (int start = i; start < end; start += 2) {
            if (isTypingOnlySpelling(start, end)) return start;
        }
        return -1;
    }

    /** Whether the token before an operand ends what comes before, so that the operand is a whole operand of op. */
    private boolean standsAlone(int before, boolean or) {
        int k = t.code[before];
        return k == '(' || k == '[' || k == '{' || k == ',' || k == '=' || k == ':' || k == Tokens.OR
                || k == Tokens.IF || k == Tokens.ELSE || (!or && k == Tokens.AND);
    }

    private boolean isTypingOnlySpelling(int s, int e) {
        long r = strip(s, e);
        s = (int) (r >>> 32);
        e = (int) r;
        if (e - s == 1) {
            if (t.kind[s] == Tokens.NAME) {
                String name = t.name(s);
                return name.equals("TYPE_CHECKING") || name.equals("False") || aliases.contains(name);
            }
            return t.kind[s] == Tokens.NUMBER && isZeroInteger(s);
        }
        if (e - s < 3 || (e - s) % 2 == 0 || !t.is(e - 1, "TYPE_CHECKING")) {
            return false;
        }
        for (int i = s; i < e; i += 2) {
            if (t.kind[i] != Tokens.NAME || (i + 1 < e && !t.isOp(i + 1, '.'))) {
                return false;
            }
        }
        return true;
    }

    private boolean isZeroInteger(int i) {
        char[] c = t.source.chars;
        int s = t.start[i];
        int e = t.end[i];
        int p = s;
        if (e - s > 2 && c[s] == '0' && "xXoObB".indexOf(c[s + 1]) >= 0) {
            p = s + 2;
        }
        boolean digit = false;
        for (; p < e; p++) {
            if (c[p] == '0') {
                digit = true;
            } else if (c[p] != '_') {
                return false;
            }
        }
        return digit;
    }

    /** Drops parentheses that wrap the whole range; returns (start << 32 | end). */
    private long strip(int s, int e) {
        for (int k = 0; k < MAX_NESTING && e - s >= 2 && t.isOp(s, '(') && t.isOp(e - 1, ')') && t.closingBracket(s, e) == e - 1; k++) {
            s++;
            e--;
        }
        return ((long) s << 32) | (e & 0xFFFFFFFFL);
    }
}
