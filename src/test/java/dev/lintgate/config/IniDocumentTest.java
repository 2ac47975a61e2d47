package dev.lintgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Region;
import org.junit.jupiter.api.Test;

/** iniconfig's rules, case by case (pytest-config.md §2); the oracle test checks them against the real parser. */
class IniDocumentTest {

    private static String value(String text, String section, String key) throws ConfigSyntaxException {
        return IniDocument.parse(text).section(section).orElseThrow().entry(key).orElseThrow().value();
    }

    @Test
    void inlineCommentsStayInTheValue() throws Exception {
        assertEquals("auto # fast", value("[pytest]\nasyncio_mode = auto # fast\n", "pytest", "asyncio_mode"));
        assertEquals("-v ; x", value("[pytest]\naddopts = -v ; x\n", "pytest", "addopts"));
    }

    @Test
    void headerCommentsAreDroppedAndNamesTakenRaw() throws Exception {
        IniDocument d = IniDocument.parse("[pytest] # main\na = 1\n[ spaced ]\nb = 2\n");
        assertTrue(d.section("pytest").isPresent());
        assertTrue(d.section(" spaced ").isPresent());
    }

    @Test
    void continuationsJoinAcrossBlankAndCommentLines() throws Exception {
        String text = "[pytest]\nmarkers =\n    slow: slow\n\n    # note\n    db\nnext = 1\n";
        assertEquals("slow: slow\ndb", value(text, "pytest", "markers"));
        assertEquals("a\nb", value("[p]\nk = a\n  b\n", "p", "k"));
    }

    @Test
    void colonSplitsWhenTheKeyPartHoldsOne() throws Exception {
        assertEquals("b = c", value("[p]\na: b = c\n", "p", "a"));
        assertEquals("x:y", value("[p]\nk = x:y\n", "p", "k"));
    }

    @Test
    void lostIndentationMakesANewKey() throws Exception {
        IniDocument d = IniDocument.parse("[pytest]\nmarkers =\nslow: slow tests\n");
        assertEquals("", d.section("pytest").orElseThrow().entry("markers").orElseThrow().value());
        assertEquals("slow tests", d.section("pytest").orElseThrow().entry("slow").orElseThrow().value());
    }

    @Test
    void errorsAsIniconfigWordsThem() {
        assertError("[a]\n[a]\n", 2, "duplicate section 'a'");
        assertError("[a]\nk = 1\nk = 2\n", 3, "duplicate name 'k'");
        assertError("k = 1\n", 1, "no section header defined");
        assertError("[a]\n  x\n", 2, "unexpected value continuation");
        assertError("  x\n", 1, "unexpected value continuation");
        assertError("[a]\nbare words\n", 2, "unexpected line: 'bare words'");
        assertError("[]\n", 1, "empty section name");
        assertError("\ufeff[pytest]\n", 1, "unexpected line: '\\ufeff[pytest]'");
    }

    @Test
    void positionsAreOneBasedCodePoints() throws Exception {
        IniDocument.Entry e = IniDocument.parse("[p]\n\n  # c\nkéy = välue\n").section("p").orElseThrow().entry("kéy").orElseThrow();
        assertEquals(Region.of(4, 1, 4), e.keyRegion());
        assertEquals(Region.of(4, 7, 12), e.valueRegion());
    }

    private static void assertError(String text, int line, String message) {
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class, () -> IniDocument.parse(text));
        assertEquals(line, e.line(), text);
        assertEquals(message, e.getMessage(), text);
    }

    /**
     * A pytest.ini registering 100,000 markers took 17 s: each continuation line copied the value so far. Counted in
     * allocated bytes, not timed: reading the file may allocate a fixed multiple of it, whatever its length.
     */
    @Test
    void continuationLinesCostLinearTime() throws Exception {
        for (int markers : new int[] {10_000, 40_000}) {
            StringBuilder text = new StringBuilder("[pytest]\nmarkers =\n");
            for (int i = 0; i < markers; i++) text.append("    m").append(i).append(": marker number ").append(i).append('\n');
            String ini = text.toString();
            String[] value = new String[1];
            long bytes = dev.lintgate.Cost.allocatedBytes(() -> value[0] = value(ini, "pytest", "markers"));
            assertEquals(markers, value[0].split("\n").length);
            assertTrue(bytes < 60L * ini.length(), markers + " markers: " + bytes + " bytes allocated for " + ini.length() + " chars");
        }
    }
}
