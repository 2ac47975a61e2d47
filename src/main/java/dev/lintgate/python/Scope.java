package dev.lintgate.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Python namespace: the module, a class body, a function (or lambda) body, a comprehension, or the implicit
 * scope of PEP 695 type parameters. Bindings are collected flow-insensitively: a name bound anywhere in the scope
 * counts, which can only make lintgate quieter, never louder.
 */
public final class Scope {
    public enum Kind { MODULE, CLASS, FUNCTION, COMPREHENSION, TYPE_PARAMETERS }

    private final Kind kind;
    private final String qualifiedName;
    private final Scope parent;
    private final Map<String, List<Binding>> bindings = new HashMap<>();
    /** Null until a declaration: few scopes have one, and resolving asks every scope on the way. */
    private Set<String> globals;
    private Set<String> nonlocals;
    /** Whether a binding in this scope is typing-only; see {@link Names#hasTypingOnlyBinding}. */
    private boolean typingOnlyBinding;
    private final List<String> decorators;
    private final List<String> bases;

    Scope(Kind kind, String qualifiedName, Scope parent, List<String> decorators, List<String> bases) {
        this.kind = kind;
        this.qualifiedName = qualifiedName;
        this.parent = parent;
        this.decorators = decorators;
        this.bases = bases;
    }

    public Kind kind() {
        return kind;
    }

    /** "A.f" for a method, "" for the module. */
    public String qualifiedName() {
        return qualifiedName;
    }

    public Scope parent() {
        return parent;
    }

    /** Decorator expressions of a class or function, as dotted names without call arguments ("app.get"). */
    public List<String> decorators() {
        return decorators;
    }

    /** Base class expressions of a class, as dotted names ("pydantic.BaseModel", "Base"). */
    public List<String> bases() {
        return bases;
    }

    public List<Binding> bindings(String name) {
        return bindings.getOrDefault(name, List.of());
    }

    public Set<String> boundNames() {
        return bindings.keySet();
    }

    public boolean declaresGlobal(String name) {
        return globals != null && globals.contains(name);
    }

    /** The names declared {@code global} here; null when none. */
    Set<String> globals() {
        return globals;
    }

    boolean hasTypingOnlyBinding() {
        return typingOnlyBinding;
    }

    /** Binds in this scope, or where a {@code global}/{@code nonlocal} declaration (which must come first) sends it. */
    void bind(Binding b) {
        Scope target = this;
        if (globals != null && globals.contains(b.name())) {
            target = module();
        } else if (nonlocals != null && nonlocals.contains(b.name())) {
            for (Scope s = parent; s != null; s = s.parent) {
                if (s.kind == Kind.FUNCTION && s.bindings.containsKey(b.name())) {
                    target = s;
                    break;
                }
            }
        }
        target.bindings.computeIfAbsent(b.name(), k -> new ArrayList<>(1)).add(b);
        target.typingOnlyBinding |= b.typingOnly();
    }

    void declareGlobal(String name) {
        if (globals == null) {
            globals = new HashSet<>(4);
        }
        globals.add(name);
    }

    void declareNonlocal(String name) {
        if (nonlocals == null) {
            nonlocals = new HashSet<>(4);
        }
        nonlocals.add(name);
    }

    /**
     * The bindings a name refers to from this scope, following Python's rules: {@code global} goes to the module,
     * enclosing class bodies are invisible from nested scopes, the module comes last. Empty when nothing binds it.
     */
    public List<Binding> resolve(String name) {
        Scope s = this;
        boolean first = true;
        Kind previous = kind;
        while (s != null) {
            if (s.globals != null && s.globals.contains(name)) {
                return s.module().bindings(name);
            }
            // PEP 695 annotation scopes in a class body see the class's names; other nested scopes do not
            boolean visible = first || s.kind != Kind.CLASS || previous == Kind.TYPE_PARAMETERS;
            if (visible && (s.nonlocals == null || !s.nonlocals.contains(name))) {
                List<Binding> found = s.bindings.get(name);
                if (found != null) {
                    return found;
                }
            }
            first = false;
            previous = s.kind;
            s = s.parent;
        }
        return List.of();
    }

    public Scope module() {
        Scope s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s;
    }

    /** The nearest enclosing class when this is a function directly in a class body (a method). */
    public Scope enclosingClass() {
        Scope s = parent;
        while (s != null && s.kind == Kind.TYPE_PARAMETERS) {
            s = s.parent;
        }
        return s != null && s.kind == Kind.CLASS ? s : null;
    }

    @Override
    public String toString() {
        return kind + " " + qualifiedName;
    }
}
