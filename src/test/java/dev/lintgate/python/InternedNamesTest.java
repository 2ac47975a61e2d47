package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternedNamesTest {

    @Test
    void sameSpellingGivesTheSameInstanceWhereverItIsRead() {
        char[] source = "self.x = self\nselfish = x".toCharArray();
        InternedNames names = new InternedNames(4);
        String first = names.of(source, 0, 4);
        assertEquals("self", first);
        assertSame(first, names.of(source, 9, 13));
        // another array (an f-string field is tokenized on its own)
        assertSame(first, names.of("{self}".toCharArray(), 1, 5));
        assertEquals("selfish", names.of(source, 14, 21));
        assertSame(names.of(source, 5, 6), names.of(source, 24, 25));
        assertEquals(3, names.size());
    }

    @Test
    void prefixesAndCollidingHashesStayApart() {
        InternedNames names = new InternedNames(1);
        // "Aa" and "BB" have the same String hash
        char[] c = "Aa BB A".toCharArray();
        String aa = names.of(c, 0, 2);
        String bb = names.of(c, 3, 5);
        assertEquals("Aa", aa);
        assertEquals("BB", bb);
        assertNotSame(aa, bb);
        assertEquals("A", names.of(c, 0, 1));
        assertSame(aa, names.of(c, 0, 2));
        assertSame(bb, names.of(c, 3, 5));
    }

    @Test
    void keepsEveryNameAcrossGrowth() {
        InternedNames names = new InternedNames(1);
        String text = String.join(" ", java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "n" + i).toList());
        char[] c = text.toCharArray();
        List<String> first = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (int s = 0; s < c.length; ) {
            int e = text.indexOf(' ', s);
            if (e < 0) e = c.length;
            spans.add(new int[] {s, e});
            first.add(names.of(c, s, e));
            s = e + 1;
        }
        assertEquals(5000, names.size());
        // after every resize, each name is still the one String first handed out
        for (int i = 0; i < spans.size(); i++) {
            assertEquals("n" + i, first.get(i));
            assertSame(first.get(i), names.of(c, spans.get(i)[0], spans.get(i)[1]));
        }
        assertEquals(5000, names.size());
        assertEquals(5000, new HashSet<>(first).size());
    }

    @Test
    void nonAsciiNamesAreKeptAsWritten() {
        InternedNames names = new InternedNames(4);
        char[] c = "café = café".toCharArray();
        String a = names.of(c, 0, 4);
        assertEquals("café", a);
        assertSame(a, names.of(c, 7, 11));
    }

    /**
     * Generated modules spell n0 ... n99999 (100,000 imports, a from-import of 100,000 names): with a hash of a few
     * chars they shared a few thousand hashes, lookups probed thousands of slots, and a file took time quadratic in
     * its names. Counted in probes, not timed.
     */
    @Test
    void numberedNamesSpreadOverTheTable() {
        for (String prefix : List.of("n", "mod", "function_number_", "_")) {
            InternedNames names = new InternedNames(16);
            StringBuilder text = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                int s = text.length();
                text.append(prefix).append(i).append(' ');
                spans.add(new int[] {s, text.length() - 1});
            }
            char[] c = text.toString().toCharArray();
            for (int[] span : spans) names.of(c, span[0], span[1]);
            assertEquals(100_000, names.size());
            int longest = names.longestProbe();
            org.junit.jupiter.api.Assertions.assertTrue(longest < 100, prefix + "N: the longest probe is " + longest + " slots");
        }
    }
}
