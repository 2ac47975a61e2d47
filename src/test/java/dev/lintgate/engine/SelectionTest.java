package dev.lintgate.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.catalog.Fixability;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static RuleDoc rule(String code, boolean byDefault) {
        return new RuleDoc(code, "n", "s", Severity.ERROR, "c", "0.1.0", Fixability.NEVER, byDefault, List.of(), List.of(), code + "-n.md", "", List.of());
    }

    private static final RuleDoc LG101 = rule("LG101", true);
    private static final RuleDoc LG105 = rule("LG105", false);
    private static final RuleDoc LG201 = rule("LG201", true);

    @Test
    void defaultsRunDefaultRulesMinusIgnored() {
        Selection s = new Selection(List.of(), List.of("LG2"));
        assertTrue(s.enabled(LG101));
        assertFalse(s.enabled(LG105));
        assertFalse(s.enabled(LG201));
    }

    @Test
    void mostSpecificEntryWinsAndSelectEnablesOffByDefaultRules() {
        Selection s = new Selection(List.of("LG1", "lg201"), List.of("LG10"));
        assertFalse(s.enabled(LG101));
        assertTrue(new Selection(List.of("LG1", "LG101"), List.of("LG10")).enabled(LG101));
        assertTrue(new Selection(List.of("LG1"), List.of()).enabled(LG105));
        assertTrue(s.enabled(LG201));
        assertTrue(new Selection(List.of("ALL"), List.of()).enabled(LG105));
        assertFalse(new Selection(List.of("LG101"), List.of("LG101")).enabled(LG101));
    }

    @Test
    void recognisesCodesAndPrefixes() {
        List<RuleDoc> all = List.of(LG101, LG105, LG201);
        assertTrue(Selection.isCodeOrPrefix("lg1", all));
        assertTrue(Selection.isCodeOrPrefix("ALL", all));
        assertFalse(Selection.isCodeOrPrefix("LG9", all));
        assertFalse(Selection.isCodeOrPrefix("E501", all));
    }
}
