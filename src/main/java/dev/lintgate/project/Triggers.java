package dev.lintgate.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A byte-level test that settles most files without tokenizing them: a file that contains none of a rule's words
 * cannot hold its finding. The words are searched together with Wu-Manber on byte pairs (Navarro and Raffinot,
 * "Flexible Pattern Matching in Strings", 3.3 and 6.1): a window as long as the shortest word slides over the
 * bytes and, unless the pair of bytes that ends it also occurs in the first window-length bytes of some word,
 * jumps ahead by up to the window's length. Most files hold none of the words, so most bytes are never looked at;
 * the Aho-Corasick automaton this replaced read every byte, and cost more than tokenizing the files that matched.
 */
public final class Triggers {
    private final List<String> words;
    /** Length of the shortest word in bytes: the window. */
    private final int window;
    /** By the window's last two bytes (hi << 8 | lo): how far it may move; 0 when some word may end there. */
    private final byte[] shift;
    /**
     * Where the window may go after a pair that ends some word was verified: the nearest other place the pair has
     * in any word's first window-length bytes. Frequent pairs ("at" of "deprecated(", "al" of "Optional") end
     * many windows, and moving by one after each cost more than the rest of the search.
     */
    private final int[] shiftAfterVerify;
    /** The words (UTF-8) whose bytes at window - 2 and window - 1 are the pair, to verify there. */
    private final byte[][][] endingIn;
    /** Every word, when the shortest has one byte: the pair table cannot describe it, so each place is compared. */
    private final byte[][] compareEverywhere;

    /** Maps each byte to the one compared: itself, or its ASCII lower case ({@link #ignoringAsciiCase}). */
    private final byte[] fold;
    private final boolean ignoreCase;
    /** Only whole Python names count ({@link #names}). */
    private final boolean wholeNames;

    public Triggers(Collection<String> utf8Words) {
        this(utf8Words, false, false);
    }

    /** Words found in any ASCII case ("noqa", "NOQA", "NoQA"), as a {@code (?i)} regex without UNICODE_CASE finds them. */
    public static Triggers ignoringAsciiCase(Collection<String> utf8Words) {
        return new Triggers(utf8Words, true, false);
    }

    /**
     * Words found only as whole Python names: no letter, digit, underscore or non-ASCII byte right before or after
     * ({@code patch} in {@code mock.patch(}, not in {@code dispatch}).
     */
    public static Triggers names(Collection<String> utf8Words) {
        return new Triggers(utf8Words, false, true);
    }

    private Triggers(Collection<String> utf8Words, boolean ignoreCase, boolean wholeNames) {
        this.words = List.copyOf(new TreeSet<>(utf8Words));
        this.ignoreCase = ignoreCase;
        this.wholeNames = wholeNames;
        this.fold = new byte[256];
        for (int c = 0; c < 256; c++) fold[c] = (byte) (ignoreCase && c >= 'A' && c <= 'Z' ? c + 32 : c);
        List<byte[]> encoded = new ArrayList<>();
        int shortest = Integer.MAX_VALUE;
        for (String w : words) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length; i++) b[i] = fold[b[i] & 0xFF];
            encoded.add(b);
            shortest = Math.min(shortest, b.length);
        }
        this.window = words.isEmpty() ? 0 : shortest;
        if (window < 2) {
            shift = null;
            shiftAfterVerify = null;
            endingIn = null;
            compareEverywhere = encoded.toArray(new byte[0][]);
            return;
        }
        shift = new byte[1 << 16];
        shiftAfterVerify = new int[1 << 16];
        // a byte per pair keeps the table in 64 KB, near the core; a longer jump than 127 is rarely possible anyway
        Arrays.fill(shift, (byte) Math.min(window - 1, Byte.MAX_VALUE));
        Arrays.fill(shiftAfterVerify, window - 1);
        java.util.Map<Integer, List<byte[]>> ending = new java.util.HashMap<>();
        for (byte[] w : encoded) {
            for (int q = 1; q < window; q++) {
                int pair = (w[q - 1] & 0xFF) << 8 | (w[q] & 0xFF);
                shift[pair] = (byte) Math.min(shift[pair], window - 1 - q);
                if (q < window - 1) shiftAfterVerify[pair] = Math.min(shiftAfterVerify[pair], window - 1 - q);
            }
            ending.computeIfAbsent((w[window - 2] & 0xFF) << 8 | (w[window - 1] & 0xFF), k -> new ArrayList<>()).add(w);
        }
        compareEverywhere = null;
        endingIn = new byte[1 << 16][][];
        ending.forEach((pair, ws) -> endingIn[pair] = ws.toArray(new byte[0][]));
    }

    public boolean matchesEverything() {
        return words.isEmpty();
    }

    public List<String> words() {
        return words;
    }

    public boolean foundIn(byte[] content) {
        if (words.isEmpty()) return true;
        // a folded copy, not a folding search: the one case-insensitive user (suppressions) reads few files, and
        // a table load per byte pair slowed every other search by a third under C1
        byte[] text = ignoreCase ? folded(content) : content;
        if (shift == null) return foundByComparison(text);
        int m = window;
        int n = text.length;
        byte[] skip = shift;
        for (int end = m - 1; end < n; ) {
            int pair = (text[end - 1] & 0xFF) << 8 | (text[end] & 0xFF);
            int s = skip[pair];
            if (s == 0) {
                int start = end - m + 1;
                for (byte[] w : endingIn[pair]) {
                    // the first byte rules out most candidates: common pairs ("at", "al") end many windows
                    if (w[0] == text[start] && start + w.length <= n && matchesAt(text, start, w)
                            && (!wholeNames || isWhole(text, start, w.length))) {
                        return true;
                    }
                }
                s = shiftAfterVerify[pair];
            }
            end += s;
        }
        return false;
    }

    private byte[] folded(byte[] content) {
        byte[] out = new byte[content.length];
        for (int i = 0; i < out.length; i++) out[i] = fold[content[i] & 0xFF];
        return out;
    }

    private boolean foundByComparison(byte[] content) {
        for (int start = 0; start < content.length; start++) {
            for (byte[] w : compareEverywhere) {
                if (start + w.length <= content.length && matchesAt(content, start, w)
                        && (!wholeNames || isWhole(content, start, w.length))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where one word first occurs as a whole Python name at or after {@code from}, or -1: for a few words on a few
     * files, where building an automaton costs more.
     */
    public static int indexOfName(byte[] content, String utf8Word, int from) {
        byte[] w = utf8Word.getBytes(StandardCharsets.UTF_8);
        if (w.length == 0) return -1;
        byte first = w[0];
        for (int start = Math.max(0, from), last = content.length - w.length; start <= last; start++) {
            if (content[start] == first && matchesAt(content, start, w) && isWhole(content, start, w.length)) return start;
        }
        return -1;
    }

    private static boolean isWhole(byte[] content, int start, int length) {
        return !isNamePart(content, start - 1) && !isNamePart(content, start + length);
    }

    private static boolean isNamePart(byte[] content, int at) {
        if (at < 0 || at >= content.length) return false;
        int b = content[at] & 0xFF;
        return b >= 0x80 || b == '_' || b >= '0' && b <= '9' || (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
    }

    private static boolean matchesAt(byte[] content, int start, byte[] word) {
        for (int i = 0; i < word.length; i++) {
            if (content[start + i] != word[i]) return false;
        }
        return true;
    }
}
