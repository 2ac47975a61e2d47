package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.List;
import java.util.Objects;

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
        if (enclosing == null) {
            return name;
        }
        int length = name.length();
        for (Definition d = enclosing; d != null; d = d.enclosing) {
            length += d.name.length() + 1;
        }
        char[] out = new char[length];
        int at = length;
        for (Definition d = this; d != null; d = d.enclosing) {
            at -= d.name.length();
            d.name.getChars(0, d.name.length(), out, at);
            if (at > 0) {
                out[--at] = '.';
            }
        }
        return new String(out);
    }

    // equals, hashCode and toString as when the qualified name was a component: by value, without walking the
    // enclosing definitions' regions and decorators

    @Override
    public boolean equals(Object o) {
        return o instanceof Definition d && kind == d.kind && name.equals(d.name) && moduleLevel == d.moduleLevel
                && context == d.context && decorators.equals(d.decorators) && nameRegion.equals(d.nameRegion)
                && qualifiedName().equals(d.qualifiedName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, qualifiedName(), decorators, nameRegion, moduleLevel, context);
    }

    @Override
    public String toString() {
        return "Definition[kind=" + kind + ", name=" + name + ", qualifiedName=" + qualifiedName() + ", decorators="
                + decorators + ", nameRegion=" + nameRegion + ", moduleLevel=" + moduleLevel + ", context=" + context
                + "]";
    }
}
