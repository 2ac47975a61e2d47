package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.List;

/**
 * A {@code def} or {@code class} header. {@link #qualifiedName} joins enclosing definitions with dots
 * ("BaseAgent._get_session_manager"); {@code nameRegion} is the defined name.
 *
 * @param enclosing the innermost definition this one is nested in; null at module level
 */
public record Definition(Kind kind, String name, Definition enclosing, List<Decorator> decorators,
                         Region nameRegion, boolean moduleLevel, ImportContext context) {
    public enum Kind { FUNCTION, CLASS }

    public Definition {
        decorators = List.copyOf(decorators);
    }

    /**
     * Built on each call rather than stored: the definitions of every scanned file stay reachable to the end of a
     * run, and one mostly unique String per nested definition was a tenth of what survived; one rule reads it.
     */
    public String qualifiedName() {
        return enclosing == null ? name : enclosing.qualifiedName() + "." + name;
    }
}
