package dev.lintgate.python;

/**
 * One read of a name, with when Python evaluates it.
 *
 * @param name       the name read
 * @param scope      the scope it is looked up from
 * @param start      char offset of the name (of the enclosing string for names in f-strings and quoted annotations)
 * @param end        end offset
 * @param use        how the expression is evaluated
 * @param typingBlock true inside a typing-only block (never runs)
 * @param when       "at import time", "when `A.f()` is called", "when the lambda on line 3 is called", ...
 * @param importTime true when the evaluation happens while the module is imported
 * @param guarded    true inside a {@code try} whose handlers catch NameError (or anything broader)
 * @param owner      for annotations: the class whose body or the function whose signature holds it; else null
 * @param chainEnd   end offset of the attribute chain read through this name ({@code sm.Cls.attr}), -1 when none
 */
public record NameUse(String name, Scope scope, int start, int end, Use use, boolean typingBlock, String when,
                      boolean importTime, boolean guarded, Scope owner, int chainEnd) {

    public enum Use {
        /** Evaluated when its statement runs. */
        RUNTIME,
        /** An unquoted parameter, return, or module/class variable annotation: evaluated at definition time before 3.14 without the future import. */
        ANNOTATION,
        /** A quoted annotation, a local variable annotation, a PEP 695 alias or bound: never evaluated by Python itself. */
        TYPING,
        /** An except-clause type or a case pattern: evaluated only when an exception or subject reaches it. */
        ON_DEMAND
    }

    NameUse guardedCopy() {
        return new NameUse(name, scope, start, end, use, typingBlock, when, importTime, true, owner, chainEnd);
    }

    /** True for a quoted annotation (or a name inside one). */
    public boolean isTyping() {
        return use == Use.TYPING || typingBlock;
    }
}
