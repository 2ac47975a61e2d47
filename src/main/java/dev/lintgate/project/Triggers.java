package dev.lintgate.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * A byte-level test that settles most files without tokenizing them: a file that contains none of a rule's words
 * cannot hold its finding. The words are compiled into one Aho-Corasick automaton over UTF-8 bytes, so a file is
 * read once whatever the number of words (a project with hundreds of deprecated names is common), and the loop is
 * one table lookup per byte with no dependence on JIT intrinsics.
 */
public final class Triggers {
    private static final int ALPHABET = 256;

    private final List<String> words;
    /** next[state * 256 + byte]: the complete transition table (failure links folded in). */
    private final int[] next;
    private final boolean[] accepting;

    public Triggers(Collection<String> utf8Words) {
        this.words = List.copyOf(new TreeSet<>(utf8Words));
        List<int[]> goTo = new ArrayList<>();
        List<Boolean> accept = new ArrayList<>();
        goTo.add(newRow());
        accept.add(false);
        for (String w : words) {
            int state = 0;
            for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (goTo.get(state)[c] < 0) {
                    goTo.get(state)[c] = goTo.size();
                    goTo.add(newRow());
                    accept.add(false);
                }
                state = goTo.get(state)[c];
            }
            accept.set(state, true);
        }
        int states = goTo.size();
        next = new int[states * ALPHABET];
        accepting = new boolean[states];
        int[] fail = new int[states];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int s = goTo.get(0)[c];
            if (s < 0) {
                next[c] = 0;
            } else {
                next[c] = s;
                fail[s] = 0;
                queue.add(s);
            }
        }
        for (int s = 0; s < states; s++) accepting[s] = accept.get(s);
        while (!queue.isEmpty()) {
            int r = queue.poll();
            accepting[r] |= accepting[fail[r]];
            for (int c = 0; c < ALPHABET; c++) {
                int s = goTo.get(r)[c];
                if (s < 0) {
                    next[r * ALPHABET + c] = next[fail[r] * ALPHABET + c];
                } else {
                    next[r * ALPHABET + c] = s;
                    fail[s] = next[fail[r] * ALPHABET + c];
                    queue.add(s);
                }
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    public boolean matchesEverything() {
        return words.isEmpty();
    }

    public List<String> words() {
        return words;
    }

    public boolean foundIn(byte[] content) {
        if (words.isEmpty()) return true;
        int state = 0;
        int[] table = next;
        boolean[] done = accepting;
        for (byte b : content) {
            state = table[(state << 8) | (b & 0xFF)];
            if (done[state]) return true;
        }
        return false;
    }
}
