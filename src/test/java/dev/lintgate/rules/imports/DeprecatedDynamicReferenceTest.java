package dev.lintgate.rules.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** LG104's byte-level pre-check may only skip files whose name model could not hold a finding. */
class DeprecatedDynamicReferenceTest {

    private static boolean attribute(String source) {
        return DeprecatedDynamicReference.spelledAsAttribute(source.getBytes(StandardCharsets.UTF_8), "Old");
    }

    @Test
    void anAttributeAfterADotWhereverTheDotIs() {
        assertTrue(attribute("x = sm.Old()"));
        assertTrue(attribute("x = sm . Old"));
        assertTrue(attribute("x = sm.\tOld"));
        assertTrue(attribute("x = (sm.  # a comment\n     Old)"));
        assertTrue(attribute("x = sm.\\\n    Old"));
        assertTrue(attribute("x = sm.\\\r\nOld"));
        assertTrue(attribute("Old"));
        assertTrue(attribute("from m import Old\ny = a.Old"));
    }

    @Test
    void notAnAttribute() {
        assertFalse(attribute("from m import Old"));
        assertFalse(attribute("x: Old = Old()"));
        assertFalse(attribute("x = sm.OldStyle + sm.Older + sm.old"));
        assertFalse(attribute("x = sm.NotOld"));
    }
}
