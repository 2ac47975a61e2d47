package dev.lintgate.python;

import java.util.Collection;

/**
 * Which names a file spells where a rule can read them, kept as a Bloom filter so that a question asked after the
 * file was released ("does it name {@code schema_of}, found deprecated only now?") needs no second read of the file
 * except where the filter cannot say no. It holds every NAME token and the identifier runs of the string literals a
 * name or a dotted path can come from: f- and t-strings (their fields are code) and strings without blanks (a path
 * such as {@code "app.db.Manager"} has none). Comments and prose in strings stay out, so the filter is small and rarely
 * wrong; a byte search for the same word would also find it there, where no rule reads it.
 */
public final class SpelledNames {
    private final long[] bits;

    private SpelledNames(long[] bits) {
        this.bits = bits;
    }

    /** False when the file certainly does not spell the word where a rule reads names; true when it may. */
    public boolean mayContain(String word) {
        long mix = mix(word.hashCode());
        int mask = bits.length * 64 - 1;
        for (int probe = 0; probe < 3; probe++) {
            int bit = (int) (mix >>> (probe * 21)) & mask;
            if ((bits[bit >>> 6] & 1L << bit) == 0) return false;
        }
        return true;
    }

    public boolean mayContainAny(Collection<String> words) {
        for (String w : words) {
            if (mayContain(w)) return true;
        }
        return false;
    }

    /**
     * The filter of one file's tokens, with 4 to 8 bits per token. What it holds (distinct names, and the words of
     * the strings it reads) comes to about one per 8 tokens in the standard library, so three bits set per entry
     * leave a word the file lacks a "maybe" about once in 1,000 (measured: 0.07%; at one bit per token, 2.6%).
     */
    static SpelledNames of(Tokens t) {
        // three probes take 21 bits each of one 64-bit mix: at most 2^21 bits (256 KB, a file of some 500k tokens)
        int size = Math.min(1 << 21, Integer.highestOneBit(Math.max(16, t.size) * 4 - 1) << 1);
        long[] bits = new long[size >>> 6];
        int mask = size - 1;
        char[] c = t.source.chars;
        byte[] kinds = t.kind;
        for (int i = 0; i < t.size; i++) {
            byte kind = kinds[i];
            if (kind == Tokens.NAME) {
                add(bits, mask, hash(c, t.start[i], t.end[i]));
            } else if (kind == Tokens.STRING) {
                addRuns(bits, mask, c, t.start[i], t.end[i]);
            }
        }
        return new SpelledNames(bits);
    }

    /** The identifier runs of a string token that is a template (f, t) or has no blank. */
    private static void addRuns(long[] bits, int mask, char[] c, int start, int end) {
        boolean template = false;
        for (int p = start; p < end && c[p] != '\'' && c[p] != '"'; p++) {
            char ch = (char) (c[p] | 0x20);
            if (ch == 'f' || ch == 't') template = true;
        }
        if (!template) {
            for (int p = start; p < end; p++) {
                if (c[p] <= ' ') return;
            }
        }
        int p = start;
        while (p < end) {
            if (!isNamePart(c[p])) {
                p++;
                continue;
            }
            int h = 0;
            do {
                h = 31 * h + c[p++];
            } while (p < end && isNamePart(c[p]));
            add(bits, mask, h);
        }
    }

    private static boolean isNamePart(char ch) {
        return ch >= 0x80 || ch == '_' || ch >= '0' && ch <= '9' || (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
    }

    /** {@link String#hashCode} of c[start, end), as the query computes it from the word. */
    private static int hash(char[] c, int start, int end) {
        int h = 0;
        for (int p = start; p < end; p++) h = 31 * h + c[p];
        return h;
    }

    private static void add(long[] bits, int mask, int hash) {
        long mix = mix(hash);
        int b = (int) mix & mask;
        bits[b >>> 6] |= 1L << b;
        b = (int) (mix >>> 21) & mask;
        bits[b >>> 6] |= 1L << b;
        b = (int) (mix >>> 42) & mask;
        bits[b >>> 6] |= 1L << b;
    }

    /** MurmurHash3's 64-bit finalizer: String's hash alone spreads short names poorly over the bits. */
    private static long mix(int hash) {
        long x = hash & 0xFFFFFFFFL;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb93fe2d1c81aL;
        x ^= x >>> 33;
        return x;
    }
}
