package dev.lintgate.python;

import java.util.Set;

/**
 * A string literal passed as the first or second argument of a call that takes a dotted path at runtime
 * ({@code importlib.import_module("a.b")}, {@code mock.patch("a.b.C")}, {@code patch.object(mod, "C")}).
 *
 * @param callee   the callee as written ("importlib.import_module", "mocker.patch", "patch.object")
 * @param index    0 for the first argument, 1 for the second
 * @param value    the string's text
 * @param receiver for a second argument: the first argument when it is a plain name, else null
 * @param scope    where the call is
 * @param when     when the call runs, as {@link NameUse#when}
 */
public record StringArgument(String callee, int index, String value, String receiver, Scope scope, String when,
                             int start, int end) {
    static final Set<String> CALLEES = Set.of("import_module", "__import__", "resolve_name", "patch", "object",
            "find_spec", "import_string");
}
