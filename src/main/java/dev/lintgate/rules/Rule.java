package dev.lintgate.rules;

/**
 * A check. Its code, name, default severity and documentation come from its page in {@code rules/} (the catalog);
 * the class holds only the logic.
 */
public sealed interface Rule permits FileRule, ProjectRule {
    String code();
}
