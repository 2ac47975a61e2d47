package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The pieces every format shares: counting, plurals, relative URIs, Markdown to text. */
class SharedWordingTest {

    @Test
    void tallyAndPlurals() {
        Tally t = Tally.of(Samples.findings());
        assertEquals(new Tally(4, 1, 2, 3), t);
        assertEquals("4 errors, 1 warning, 2 notes", t.bySeverity());
        assertEquals("1 file", Tally.plural(1, "file"));
        assertEquals("0 files", Tally.plural(0, "file"));
        assertEquals("Found 4 errors, 1 warning, 2 notes in 3 files (1 file checked).", t.summary(1, true));
    }

    @Test
    void relativeUrisArePercentEncodedUtf8() {
        assertEquals("src/pkg/mod.py", RelativeUri.of("src/pkg/mod.py"));
        assertEquals("src/pkg/mod.py", RelativeUri.of("./src/pkg/mod.py"));
        assertEquals("my%20dir/%C3%A9t%C3%A9.py", RelativeUri.of("my dir/été.py"));
        assertEquals("%F0%9F%98%80.py", RelativeUri.of("😀.py"));
        assertEquals("a%25b%23c%3Fd%5Be%5D.py", RelativeUri.of("a%b#c?d[e].py"));
        // a colon in the first segment would read as a scheme
        assertEquals("c%3Ax.py", RelativeUri.of("c:x.py"));
        assertEquals("a+b/it's(1)~.py", RelativeUri.of("a+b/it's(1)~.py"));
        assertThrows(IllegalArgumentException.class, () -> RelativeUri.of("/abs/path.py"));
        // a name that is not UTF-8 is shown "caf\xe9.py"; its URI holds the byte, as the file system does
        assertEquals("caf%E9.py", RelativeUri.of("caf\\xe9.py"));
        assertEquals("d%E9/m.py", RelativeUri.of("d\\xe9/m.py"));
        // a backslash is part of a name on POSIX, not a separator
        assertEquals("a%5Cb.py", RelativeUri.of("a\\b.py"));
    }

    @Test
    void markdownToPlainText() {
        assertEquals("Title\n\nA wrapped paragraph continues here with code and link (https://x.y).\n\n- item one\n- item two\n\n    code  block",
                MarkdownText.plain("# Title\n\nA **wrapped** paragraph\ncontinues here with `code` and [link](https://x.y).\n\n- item one\n- item two\n\n```py\ncode  block\n```\n"));
        assertEquals("snake_case and *args stay", MarkdownText.plain("snake_case and `*args` stay"));
        assertEquals("a span wrapped across lines ends here", MarkdownText.plain("a `span wrapped\nacross lines` ends here"));
        assertEquals("    x = 1\n\n    y = 2", MarkdownText.plain("```\nx = 1\n\ny = 2\n```"));
    }

    @Test
    void truncationCutsAtWordsAndNeverSplitsSurrogates() {
        assertEquals("short", MarkdownText.truncate("short", 10));
        assertEquals("aaaa bbbb…", MarkdownText.truncate("aaaa bbbb cccc", 11));
        String emoji = "x".repeat(8) + "😀😀";
        String cut = MarkdownText.truncate(emoji, 10);
        assertEquals("x".repeat(8) + "…", cut);
    }
}
