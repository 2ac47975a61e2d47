package dev.lintgate.report;

import dev.lintgate.catalog.RuleDoc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report's rules by code, with each rule's position in the sorted list (SARIF's {@code ruleIndex}). */
final class RuleTable {

    private final Map<String, Integer> indexByCode = new HashMap<>();
    private final List<RuleDoc> rules;

    RuleTable(List<RuleDoc> rules) {
        this.rules = rules;
        for (int i = 0; i < rules.size(); i++) indexByCode.put(rules.get(i).code(), i);
    }

    Optional<RuleDoc> rule(String code) {
        Integer i = indexByCode.get(code);
        return i == null ? Optional.empty() : Optional.of(rules.get(i));
    }

    /** -1 for a code the catalog does not know; writers then leave the index out rather than point at a wrong rule. */
    int index(String code) {
        return indexByCode.getOrDefault(code, -1);
    }
}
