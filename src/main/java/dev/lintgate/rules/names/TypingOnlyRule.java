package dev.lintgate.rules.names;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.Names;
import dev.lintgate.rules.FileRule;
import java.util.List;
import java.util.Set;

/**
 * A file rule about names bound only for type checkers (LG102, LG103, LG108). Such a binding needs one of a few
 * words in the file, and once the name model is built a file without one is settled by {@link #hasTypingOnlyBinding}.
 */
interface TypingOnlyRule extends FileRule {
    /** Every spelling of a typing-only block holds one of these ("elif False" holds "if False"). */
    Set<String> TRIGGERS = Set.of("TYPE_CHECKING", "if False", "if 0");

    @Override
    default Set<String> triggers(ProjectModel project) {
        return TRIGGERS;
    }

    /** Without a typing-only binding, known once the name model is built, these rules return at once. */
    @Override
    default boolean cheapOnBuiltModel() {
        return true;
    }

    /** Whether any scope binds a name in typing-only context; most files have none, and then nothing can fire. */
    static boolean hasTypingOnlyBinding(Names names) {
        return names.hasTypingOnlyBinding();
    }

    /** Non-empty and every binding typing-only. */
    static boolean allTypingOnly(List<Binding> bindings) {
        if (bindings.isEmpty()) return false;
        for (Binding b : bindings) {
            if (!b.typingOnly()) return false;
        }
        return true;
    }
}
