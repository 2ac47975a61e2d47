package dev.lintgate.rules.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LG104's byte-level pre-check may only skip files whose name model could not hold a finding. */
class DeprecatedDynamicReferenceTest {

    private static boolean attribute(String source) {
        return DeprecatedDynamicReference.spelledAsAttribute(source.getBytes(StandardCharsets.UTF_8), "Old");
    }

    @Test
    void anAttributeAfterADotWhereverTheDotIs() {
        for (String source : List.of("x = sm.Old()", "x = sm . Old", "x = sm.\tOld", "x = (sm.  # a comment\n     Old)",
                "x = sm.\\\n    Old", "x = sm.\\\r\nOld", "Old", "from m import Old\ny = a.Old")) {
            assertTrue(attribute(source), source);
        }
    }

    @Test
    void notAnAttribute() {
        for (String source : List.of("from m import Old", "x: Old = Old()", "x = sm.OldStyle + sm.Older + sm.old", "x = sm.NotOld")) {
            assertFalse(attribute(source), source);
        }
    }
}
