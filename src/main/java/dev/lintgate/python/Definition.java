package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.List;

/**
 * A {@code def} or {@code class} header. {@code qualifiedName} joins enclosing definitions with dots
 * ("BaseAgent._get_session_manager"); {@code nameRegion} is the defined name.
 */
public record Definition(Kind kind, String name, String qualifiedName, List<Decorator> decorators,
                         Region nameRegion, boolean moduleLevel, ImportContext context) {
    public enum Kind { FUNCTION, CLASS }

    public Definition {
        decorators = List.copyOf(decorators);
    }
}
