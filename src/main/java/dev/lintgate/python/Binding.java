package dev.lintgate.python;

/**
 * One place that binds a name in a scope.
 *
 * @param name        the bound name
 * @param kind        what binds it
 * @param typingOnly  true inside {@code if TYPE_CHECKING:} (and the other typing-only spellings) or in a stub
 * @param conditional true inside an if/try/loop/with/match block, where the binding may not happen
 * @param line        1-based line of the binding
 * @param imported    for imports: the module as written with its leading dots, plus "." and the name for
 *                    from-imports ("..db.Session", "a.b.c", "m.*"); null otherwise
 */
public record Binding(String name, Kind kind, boolean typingOnly, boolean conditional, int line, String imported) {
    public enum Kind { IMPORT, STAR_IMPORT, DEFINITION, ASSIGNMENT, PARAMETER, TARGET, DECLARATION }
}
