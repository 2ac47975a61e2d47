package dev.lintgate.python;

/**
 * The Python versions a condition on {@code sys.version_info} admits, as the lowest 3.x minor version: code under
 * {@code if sys.version_info >= (3, 14):} runs only on 3.14 or later, a test marked
 * {@code skipif(sys.version_info < (3, 14))} too. Read from the tokens: comparisons of {@code sys.version_info}
 * (any dotted name ending in {@code version_info}, sliced {@code [:2]} or not) with a tuple of integers, joined by
 * {@code and}, {@code or} and {@code not}, in parentheses or not. Anything else admits every version (0): lintgate
 * then judges the code as it judges code without a guard.
 */
final class VersionCondition {
    /** CPython's parser stops at 200 nested parentheses. */
    private static final int MAX_NESTING = 200;
    /** Minor versions tried: far beyond any release, so that "admits 3.14 and later" holds for all of them. */
    private static final int LAST_MINOR = 99;
    /** Stands for the release level "final" after the micro version: longer than any integer tuple compared. */
    private static final int FINAL = Integer.MAX_VALUE;
    private static final int LESS_EQUAL = Tokens.code("<=");
    private static final int GREATER_EQUAL = Tokens.code(">=");
    private static final int NOT_EQUAL = Tokens.code("!=");

    private final Tokens t;

    VersionCondition(Tokens t) {
        this.t = t;
    }

    /** The lowest minor version on which [s, e) can be true; 0 when any version may make it true, or unknown. */
    int whenTrue(int s, int e) {
        return lowest(s, e, true, 0);
    }

    /** The lowest minor version on which [s, e) can be false (for {@code else} and {@code skipif}); 0 when unknown. */
    int whenFalse(int s, int e) {
        return lowest(s, e, false, 0);
    }

    private int lowest(int s, int e, boolean value, int nesting) {
        if (nesting > MAX_NESTING || s >= e) return 0;
        while (e - s >= 2 && t.isOp(s, '(') && t.closingBracket(s, e) == e - 1) {
            s++;
            e--;
        }
        int split = topLevel(s, e, Tokens.OR);
        if (split >= 0) {
            // "a or b" is true when either is (the lower bound of the two), false when both are (the higher)
            int a = lowest(s, split, value, nesting + 1);
            int b = lowest(split + 1, e, value, nesting + 1);
            return value ? Math.min(a, b) : Math.max(a, b);
        }
        split = topLevel(s, e, Tokens.AND);
        if (split >= 0) {
            int a = lowest(s, split, value, nesting + 1);
            int b = lowest(split + 1, e, value, nesting + 1);
            return value ? Math.max(a, b) : Math.min(a, b);
        }
        if (t.is(s, Tokens.NOT)) return lowest(s + 1, e, !value, nesting + 1);
        return comparison(s, e, value);
    }

    /** The first {@code op} keyword at bracket depth 0 in [s, e), or -1. */
    private int topLevel(int s, int e, int op) {
        int depth = 0;
        for (int i = s; i < e; i++) {
            int k = t.code[i];
            if (k == 0) continue;
            if (Tokens.opens(k)) depth++;
            else if (Tokens.closes(k)) depth--;
            else if (depth == 0 && k == op) return i;
        }
        return -1;
    }

    /** {@code sys.version_info[:2] >= (3, 14)} and the like; 0 for anything else. */
    private int comparison(int s, int e, boolean value) {
        int op = -1;
        for (int i = s; i < e; i++) {
            int k = t.code[i];
            if (k == '<' || k == '>' || k == LESS_EQUAL || k == GREATER_EQUAL || k == Tokens.EQUALS || k == NOT_EQUAL) {
                op = i;
                break;
            }
            if (Tokens.opens(k)) i = t.closingBracket(i, e);
        }
        if (op < 0) return 0;
        int sliced = versionInfo(s, op);
        boolean flipped = false;
        int[] tuple;
        if (sliced >= 0) {
            tuple = intTuple(op + 1, e);
        } else {
            sliced = versionInfo(op + 1, e);
            if (sliced < 0) return 0;
            tuple = intTuple(s, op);
            flipped = true;
        }
        if (tuple == null) return 0;
        int operator = t.code[op];
        for (int minor = 0; minor <= LAST_MINOR; minor++) {
            // micro 0 and a late micro: "(3, 14, 1)" is not reached by 3.14.0
            for (int micro : new int[] {0, 1000}) {
                int[] version = sliced == 2 ? new int[] {3, minor} : new int[] {3, minor, micro, FINAL, 0};
                int c = flipped ? compare(tuple, version) : compare(version, tuple);
                boolean holds = operator == '<' ? c < 0 : operator == '>' ? c > 0 : operator == LESS_EQUAL ? c <= 0
                        : operator == GREATER_EQUAL ? c >= 0 : operator == Tokens.EQUALS ? c == 0 : c != 0;
                if (holds == value) return minor;
            }
        }
        return 0;
    }

    /**
     * Whether [s, e) is {@code sys.version_info} (any dotted name ending so, or the bare name): -1 when not, 2 for a
     * {@code [:2]} or {@code [0:2]} slice, 5 for the whole tuple.
     */
    private int versionInfo(int s, int e) {
        if (s >= e || !t.isName(s)) return -1;
        int last = s;
        while (last + 2 < e && t.isOp(last + 1, '.') && t.isName(last + 2)) last += 2;
        if (!t.is(last, "version_info")) return -1;
        int end = last + 1;
        if (end == e) return 5;
        // "[:2]" or "[0:2]"
        if (t.isOp(end, '[') && t.isOp(e - 1, ']') && t.closingBracket(end, e) == e - 1) {
            String slice = t.source.text(t.end[end], t.start[e - 1]).replace(" ", "");
            if (slice.equals(":2") || slice.equals("0:2")) return 2;
        }
        return -1;
    }

    /** A parenthesised tuple of integer literals, {@code (3, 14)}; null for anything else. */
    private int[] intTuple(int s, int e) {
        if (e - s < 3 || !t.isOp(s, '(') || !t.isOp(e - 1, ')')) return null;
        int[] out = new int[(e - s) / 2];
        int n = 0;
        for (int i = s + 1; i < e - 1; i++) {
            if (t.kind[i] == Tokens.NUMBER) {
                try {
                    out[n++] = Integer.parseInt(t.source.text(t.start[i], t.end[i]).replace("_", ""));
                } catch (NumberFormatException ex) {
                    return null;
                }
                if (!t.isOp(i + 1, ',') && i + 1 != e - 1) return null;
                i++;
            } else {
                return null;
            }
        }
        return n == 0 || n > 3 ? null : java.util.Arrays.copyOf(out, n);
    }

    /** Python's tuple order: element by element, then the shorter first. */
    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        }
        return Integer.compare(a.length, b.length);
    }
}
