package dev.lintgate.fix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check --diff}: what {@code --fix} would change, as a unified diff with three lines of context that
 * {@code git apply} and {@code patch -p1} take. Lines are compared with their line endings (Myers' algorithm: the
 * fixes change few lines, and its cost grows with the number of changed lines, not with the file's length).
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of one file; "" when nothing differs. */
    public static String of(String path, byte[] before, byte[] after) {
        List<String> a = lines(new String(before, StandardCharsets.UTF_8));
        List<String> b = lines(new String(after, StandardCharsets.UTF_8));
        List<int[]> ops = script(a, b);
        if (ops.stream().allMatch(op -> op[0] == 0)) return "";
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is within twice the context
            while (true) {
                while (end < ops.size() && ops.get(end)[0] != 0) end++;
                int next = end;
                while (next < ops.size() && ops.get(next)[0] == 0) next++;
                if (next < ops.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            hunk(out, ops.subList(start, end), a, b);
            i = end;
        }
        return out.toString();
    }

    /** Each op: {kind, indexInA, indexInB}; kind 0 keeps, -1 deletes a line of a, 1 inserts a line of b. */
    private static void hunk(StringBuilder out, List<int[]> ops, List<String> a, List<String> b) {
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        for (int[] op : ops) {
            if (op[0] <= 0) {
                if (aStart < 0) aStart = op[1];
                aCount++;
            }
            if (op[0] >= 0) {
                if (bStart < 0) bStart = op[2];
                bCount++;
            }
        }
        if (aStart < 0) aStart = ops.get(0)[1];
        if (bStart < 0) bStart = ops.get(0)[2];
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (int[] op : ops) {
            String line = op[0] == 1 ? b.get(op[2]) : a.get(op[1]);
            out.append(op[0] == 0 ? ' ' : op[0] < 0 ? '-' : '+');
            if (line.endsWith("\n")) {
                out.append(line);
            } else {
                out.append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        // an empty range names the line before it, as diff does
        return count == 0 ? start + ",0" : count == 1 ? Integer.toString(start + 1) : (start + 1) + "," + count;
    }

    /** Lines with their terminators ("\n", "\r\n"; a lone "\r" ends a line too, as in Python). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    /** The shortest edit script from a to b (Myers 1986, with the V array of each step kept for the walk back). */
    private static List<int[]> script(List<String> a, List<String> b) {
        int n = a.size(), m = b.size(), max = n + m, offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<int[]> ops = new ArrayList<>();
        int x = n, y = m;
        for (int d = found; d > 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            int prevK = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]) ? k + 1 : k - 1;
            int prevX = pv[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) ops.add(new int[] {0, --x, --y});
            if (x == prevX) ops.add(new int[] {1, x, --y});
            else ops.add(new int[] {-1, --x, y});
        }
        while (x > 0 && y > 0) ops.add(new int[] {0, --x, --y});
        java.util.Collections.reverse(ops);
        return ops;
    }
}
