package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors from codeql-action's fingerprints tests, as recorded in shared/spec/integration.md §1. */
class LineHashTest {

    @Test
    void emptyFile() {
        assertEquals(List.of("c129715d7a2bc9a3:1"), LineHash.of(""));
    }

    @Test
    void whitespaceIsIgnoredAndEveryLineHashed() {
        assertEquals(List.of("271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"),
                LineHash.of(" a\nb\n  \t\tc\n d"));
    }

    @Test
    void lineEndingsDoNotMatter() {
        assertEquals(LineHash.of(" a\nb\n  \t\tc\n d"), LineHash.of(" a\r\nb\rc\r\n d"));
        assertEquals(LineHash.of("x\ny\n"), LineHash.of(List.of("x", "y", "")));
    }

    @Test
    void equalWindowsAreNumberedInFileOrder() {
        // each line's window is its first 100 kept characters, so three 100-x lines hash alike
        List<String> h = LineHash.of(("x".repeat(100) + "\n").repeat(3));
        String first = h.get(0).split(":")[0];
        assertEquals(List.of(first + ":1", first + ":2", first + ":3"), h.subList(0, 3));
    }
}
