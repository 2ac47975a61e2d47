package dev.lintgate.rules;

import dev.lintgate.rules.imports.DeprecatedRuntimeImport;
import java.util.List;

/** Every rule lintgate has, in code order. Adding a rule: its page in rules/, its class, its fixtures, one line here. */
public final class AllRules {
    private AllRules() {
    }

    public static List<Rule> create() {
        return List.of(
                new DeprecatedRuntimeImport());
    }
}
