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

    /**
     * Past this many probes for one name the table switches to hashing every char: a file whose names defeat the
     * sampled hash would otherwise cost time quadratic in its names.
     */
    private static final int LONGEST_PROBE = 32;
    /** Set once a lookup probed past {@link #LONGEST_PROBE}; then every hash reads every char. */
    private boolean everyChar;

    /** The shared String spelled c[s, e). */
    String of(char[] c, int s, int e) {
        int len = e - s;
        int h = everyChar ? hashOfEveryChar(c, s, e) : sampledHash(c, s, e);
        int mask = strings.length - 1;
        int slot = slot(h, mask);
        int probes = 0;
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
            if (++probes > LONGEST_PROBE && !everyChar) {
                everyChar = true;
                rehash(strings.length, true);
                return of(c, s, e);
            }
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

    /**
     * Fibonacci hashing (the top bits of the hash times 2^32/phi): names that differ in their last char have
     * consecutive hashes, and under linear probing runs of consecutive slots make long chains.
     */
    private static int slot(int h, int mask) {
        return (h * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
    }

    int size() {
        return count;
    }

    /** The longest distance of an entry from its home slot: what a lookup may have to probe (for tests). */
    int longestProbe() {
        int mask = strings.length - 1;
        int longest = 0;
        for (int k = 0; k < strings.length; k++) {
            if (strings[k] != null) {
                longest = Math.max(longest, (k - slot(hashes[k], mask)) & mask);
            }
        }
        return longest;
    }

    private void grow() {
        rehash(strings.length * 2, false);
    }

    /** Moves every entry into tables of {@code n} slots, hashing it again when the hash function changed. */
    private void rehash(int n, boolean hashAgain) {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        char[][] oldIn = spelledIn;
        int[] oldAt = spelledAt;
        strings = new String[n];
        hashes = new int[n];
        spelledIn = new char[n][];
        spelledAt = new int[n];
        int mask = n - 1;
        for (int k = 0; k < oldStrings.length; k++) {
            String name = oldStrings[k];
            if (name == null) {
                continue;
            }
            int at = oldAt[k];
            int h = !hashAgain ? oldHashes[k] : hashOfEveryChar(oldIn[k], at, at + name.length());
            int slot = slot(h, mask);
            while (strings[slot] != null) {
                slot = (slot + 1) & mask;
            }
            strings[slot] = name;
            hashes[slot] = h;
            spelledIn[slot] = oldIn[k];
            spelledAt[slot] = at;
        }
    }

    /** From four chars and the length, not all chars: the compare that follows a hit reads them all anyway. */
    private static int sampledHash(char[] c, int s, int e) {
        int len = e - s;
        return len == 0 ? 0 : (c[s] * 31 + c[e - 1]) * 31 + c[s + (len >> 1)] * 7 + c[s + ((len - 1) >> 2)] * 131 + len;
    }

    /**
     * For files whose names differ where the sampled hash does not look: n0 ... n99999 (a generated module, a
     * from-import of 100,000 names) share a few thousand sampled hashes.
     */
    private static int hashOfEveryChar(char[] c, int s, int e) {
        int h = e - s;
        for (int k = s; k < e; k++) {
            h = 31 * h + c[k];
        }
        return h;
    }
}
