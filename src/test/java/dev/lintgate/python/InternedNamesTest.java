package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;
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
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("n").append(i).append(' ');
        }
        char[] c = sb.toString().toCharArray();
        Set<String> seen = new HashSet<>();
        int s = 0;
        for (int i = 0; i < 5000; i++) {
            int e = sb.indexOf(" ", s);
            String n = names.of(c, s, e);
            assertEquals("n" + i, n);
            seen.add(n);
            s = e + 1;
        }
        assertEquals(5000, names.size());
        s = 0;
        for (int i = 0; i < 5000; i++) {
            int e = sb.indexOf(" ", s);
            assertSame(names.of(c, s, e), names.of(c, s, e));
            assertEquals("n" + i, names.of(c, s, e));
            s = e + 1;
        }
        assertEquals(5000, names.size());
        assertEquals(5000, seen.size());
    }

    @Test
    void nonAsciiNamesAreKeptAsWritten() {
        InternedNames names = new InternedNames(4);
        char[] c = "café = café".toCharArray();
        String a = names.of(c, 0, 4);
        assertEquals("café", a);
        assertSame(a, names.of(c, 7, 11));
    }
}
