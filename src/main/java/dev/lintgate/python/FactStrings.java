package dev.lintgate.python;

/**
 * One String per distinct text among the statement facts of one file. The facts of every scanned file stay
 * reachable to the end of a run, and the scanner made a String per occurrence: the same decorator on each method,
 * {@code __init__} in each class, a module imported in several functions. Per file only, and dropped with the
 * scanner: a table shared by all files would hold as much in its entries as it saves. Open addressing over one
 * array rather than a HashMap, which would allocate an entry for every fact of every file scanned.
 */
final class FactStrings {
    private String[] table;
    private int count;

    /** The first String seen with the text of {@code s}; null for null. */
    String of(String s) {
        if (s == null) {
            return null;
        }
        if (table == null) {
            table = new String[64];
        }
        String[] t = table;
        int mask = t.length - 1;
        int h = s.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        for (String known; (known = t[i]) != null; i = (i + 1) & mask) {
            if (known.hashCode() == h && known.equals(s)) {
                return known;
            }
        }
        t[i] = s;
        if (++count * 2 > t.length) {
            grow();
        }
        return s;
    }

    private void grow() {
        String[] old = table;
        String[] t = new String[old.length * 2];
        int mask = t.length - 1;
        for (String s : old) {
            if (s != null) {
                int h = s.hashCode();
                int i = (h ^ (h >>> 16)) & mask;
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = s;
            }
        }
        table = t;
    }
}
