package dev.lintgate.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's {@code primaryLocationLineHash}, computed the way upload-sarif computes it when the log has none
 * (codeql-action {@code fingerprints.ts}): a base-37 rolling hash over the next 100 characters from each line start,
 * in UTF-16 code units, ignoring spaces and tabs, with CR and CRLF read as LF and the end of the file padded.
 * A value that differs from upload-sarif's own is kept but logged as a warning, so this must match it exactly.
 */
final class LineHash {

    private static final int WINDOW = 100;
    private static final long BASE = 37;
    // stands for the end of the file, as in the original
    private static final char END = 0xffff;

    private final int[] window = new int[WINDOW];
    private final int[] lineStartingAt = new int[WINDOW];
    private final long dropFactor;
    private final Map<String, Integer> seen = new HashMap<>();
    private final List<String> hashes = new ArrayList<>();
    private long hash;
    private int slot;
    private int lines;
    private boolean atLineStart = true;
    private boolean afterCr;

    private LineHash() {
        java.util.Arrays.fill(lineStartingAt, -1);
        long f = 1;
        for (int i = 0; i < WINDOW; i++) f *= BASE;
        dropFactor = f;
    }

    /** The hash of every line of {@code text}: element {@code n - 1} belongs to line {@code n}. */
    static List<String> of(String text) {
        LineHash h = new LineHash();
        for (int i = 0; i < text.length(); i++) h.accept(text.charAt(i));
        h.accept(END);
        for (int i = 0; i < WINDOW; i++) {
            if (h.lineStartingAt[h.slot] != -1) h.emit();
            h.roll(0);
        }
        return h.hashes;
    }

    /** The same for a file given as lines without terminators; line endings do not change the hashes. */
    static List<String> of(List<String> lines) {
        return of(String.join("\n", lines));
    }

    private void accept(char input) {
        int c = input;
        if (c == ' ' || c == '\t' || (afterCr && c == '\n')) {
            afterCr = false;
            return;
        }
        afterCr = c == '\r';
        if (afterCr) c = '\n';
        // the character leaving the window after WINDOW more began a line: that line's hash is complete
        if (lineStartingAt[slot] != -1) emit();
        if (atLineStart) {
            atLineStart = false;
            lineStartingAt[slot] = ++lines;
        }
        if (c == '\n') atLineStart = true;
        roll(c);
    }

    private void roll(int c) {
        int leaving = window[slot];
        window[slot] = c;
        // Java long arithmetic wraps like the original's 64-bit Long
        hash = BASE * hash + c - dropFactor * leaving;
        slot = (slot + 1) % WINDOW;
    }

    private void emit() {
        String hex = Long.toHexString(hash);
        int count = seen.merge(hex, 1, Integer::sum);
        int line = lineStartingAt[slot];
        while (hashes.size() < line) hashes.add(null);
        hashes.set(line - 1, hex + ":" + count);
        lineStartingAt[slot] = -1;
    }
}
