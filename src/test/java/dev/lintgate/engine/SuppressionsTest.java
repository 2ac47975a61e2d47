package dev.lintgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    @Test
    void lineSuppressions() {
        Suppressions s = Suppressions.fromComments(Map.of(
                1, " noqa: LG101",
                2, " noqa",
                3, " lintgate: ignore[LG101, LG102]",
                4, " NOQA:LG102,LG103",
                5, " type: ignore  # noqa: LG101",
                6, " a noqa-ish word: noqamatic"));
        assertTrue(s.suppresses("LG101", 1));
        assertFalse(s.suppresses("LG102", 1));
        assertTrue(s.suppresses("LG999", 2));
        assertTrue(s.suppresses("LG102", 3));
        assertTrue(s.suppresses("LG103", 4));
        assertFalse(s.suppresses("LG101", 4));
        assertTrue(s.suppresses("LG101", 5));
        assertFalse(s.suppresses("LG101", 7));
    }

    @Test
    void fileWideSuppressions() {
        Suppressions all = Suppressions.fromComments(Map.of(1, " lintgate: noqa"));
        assertTrue(all.suppresses("LG201", 40));
        Suppressions some = Suppressions.fromComments(Map.of(3, " lintgate: noqa: LG101"));
        assertTrue(some.suppresses("LG101", 40));
        assertFalse(some.suppresses("LG102", 40));
    }

    @Test
    void otherLintersCodesAndFileWideExemptions() {
        Suppressions s = Suppressions.fromComments(Map.of(
                1, " noqa: F821",
                2, " noqa: F8",
                3, " noqa: E501",
                4, " noqa"));
        assertTrue(s.suppressesForeign("F821", 1));
        assertFalse(s.suppresses("LG107", 1), "another linter's code is not lintgate's");
        assertTrue(s.suppressesForeign("F821", 2));
        assertFalse(s.suppressesForeign("F821", 3));
        assertTrue(s.suppressesForeign("F821", 4));
        assertFalse(s.suppressesForeign("F821", 5));
        Suppressions ruff = Suppressions.fromComments(Map.of(1, " ruff: noqa: F821"));
        assertTrue(ruff.suppressesForeign("F821", 30));
        assertFalse(ruff.suppressesForeign("F401", 30));
        assertFalse(ruff.suppresses("LG107", 30), "a foreign file-wide exemption is not lintgate's own");
        assertTrue(Suppressions.fromComments(Map.of(1, " ruff: noqa")).suppressesForeign("F821", 9));
        assertTrue(Suppressions.fromComments(Map.of(1, " flake8: noqa")).suppressesForeign("F821", 9));
        // flake8 7.4.1 skips the whole file on "# flake8: noqa: E501" too (ruff then exempts only E501)
        assertTrue(Suppressions.fromComments(Map.of(1, " flake8: noqa: E501")).suppressesForeign("F821", 9));
    }

    @Test
    void iniAndTomlComments() {
        Suppressions s = Suppressions.fromText("[pytest]\nasyncio_mode = auto  # noqa: LG203\n; lintgate: noqa: LG208\nurl = http://x#y\n");
        assertTrue(s.suppresses("LG203", 2));
        assertTrue(s.suppresses("LG208", 9));
        assertFalse(s.suppresses("LG203", 4));
    }

    @Test
    void iniFilesTakeWholeLineCommentsForTheLineBelow() {
        Suppressions s = Suppressions.fromIni("[pytest]\naddopts = --strict-markers  # noqa: LG209\n  # noqa: LG203\n"
                + "asyncio_mode = auto # x\n; lintgate: ignore[LG208]\ntimeout = 5\n# lintgate: noqa: LG201\n");
        assertFalse(s.suppresses("LG209", 2), "pytest keeps a trailing comment in the value: it is no suppression");
        assertTrue(s.suppresses("LG203", 4));
        assertFalse(s.suppresses("LG203", 3));
        assertTrue(s.suppresses("LG208", 6));
        assertTrue(s.suppresses("LG201", 1), "file-wide, as everywhere");
        assertTrue(Suppressions.isIni("pytest.ini") && Suppressions.isIni("pkg/setup.cfg") && Suppressions.isIni("tox.ini"));
        assertFalse(Suppressions.isIni("pyproject.toml"));
    }

    @Test
    void eachSuppressionIsADirectiveThatKnowsWhatItSilences() {
        Suppressions s = Suppressions.fromComments(Map.of(3, " noqa: LG101, E501", 1, " lintgate: noqa: LG102"));
        assertEquals(2, s.directives().size());
        assertEquals(new Suppressions.Directive(1, 0, java.util.Set.of("LG102")), s.directives().get(0));
        assertEquals(List.of(s.directives().get(1)), s.suppressors("LG101", 3));
        assertEquals(List.of(s.directives().get(0)), s.suppressors("LG102", 3));
        assertEquals(List.of(), s.suppressors("LG103", 3));
    }
}
