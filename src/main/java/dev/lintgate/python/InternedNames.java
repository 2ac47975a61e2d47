package dev.lintgate.python;

/**
 * One String per distinct identifier of a file. The name walker reads some 300 names per file, most of them repeats
 * ({@code self}, {@code os}, a loop variable): making a String for each read cost more than the rest of the read, and
 * every fresh String hashed again in each scope map it met. A shared instance is hashed once and found in a map by
 * identity before equals runs.
 */
final class InternedNames {
    private String[] strings;
    private int[] hashes;
    /** Where each entry was first spelled, so that a lookup compares char arrays rather than String.charAt. */
    private char[][] spelledIn;
    private int[] spelledAt;
    private int count;

    /** Sized for about {@code expected} names without growing; a file has about one distinct name per 24 tokens. */
    InternedNames(int expected) {
        int n = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
        strings = new String[n];
        hashes = new int[n];
        spelledIn = new char[n][];
        spelledAt = new int[n];
    }

    /** The shared String spelled c[s, e). */
    String of(char[] c, int s, int e) {
        int len = e - s;
        // from four chars and the length, not all chars: the compare that follows reads them all anyway
        int h = len == 0 ? 0 : (c[s] * 31 + c[e - 1]) * 31 + c[s + (len >> 1)] * 7 + c[s + ((len - 1) >> 2)] * 131 + len;
        int mask = strings.length - 1;
        int slot = (h ^ (h >>> 15)) & mask;
        String found;
        while ((found = strings[slot]) != null) {
            if (hashes[slot] == h && found.length() == len) {
                // inline: C1 would not inline a loop, and the call cost as much as the compare
                char[] a = spelledIn[slot];
                int d = spelledAt[slot] - s;
                int k = s;
                while (k < e && a[k + d] == c[k]) {
                    k++;
                }
                if (k == e) {
                    return found;
                }
            }
            slot = (slot + 1) & mask;
        }
        String made = new String(c, s, len);
        strings[slot] = made;
        hashes[slot] = h;
        spelledIn[slot] = c;
        spelledAt[slot] = s;
        if (++count * 2 > strings.length) {
            grow();
        }
        return made;
    }

    int size() {
        return count;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        char[][] oldIn = spelledIn;
        int[] oldAt = spelledAt;
        int n = oldStrings.length * 2;
        strings = new String[n];
        hashes = new int[n];
        spelledIn = new char[n][];
        spelledAt = new int[n];
        int mask = n - 1;
        for (int k = 0; k < oldStrings.length; k++) {
            if (oldStrings[k] == null) {
                continue;
            }
            int h = oldHashes[k];
            int slot = (h ^ (h >>> 15)) & mask;
            while (strings[slot] != null) {
                slot = (slot + 1) & mask;
            }
            strings[slot] = oldStrings[k];
            hashes[slot] = h;
            spelledIn[slot] = oldIn[k];
            spelledAt[slot] = oldAt[k];
        }
    }
}
