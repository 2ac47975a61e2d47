package dev.lintgate.python;

import dev.lintgate.finding.Region;

/**
 * One name bound by an import statement.
 *
 * <ul>
 *   <li>{@code import a.b.c}: level 0, module "a.b.c", name null, boundName "a", target "a.b.c"</li>
 *   <li>{@code import a.b.c as d}: module "a.b.c", name null, boundName "d", target "a.b.c"</li>
 *   <li>{@code from a.b import C as D}: module "a.b", name "C", boundName "D", target "a.b.C"</li>
 *   <li>{@code from ..x import C} in package {@code p.q}: level 2, module "x", name "C", target "p.x.C"</li>
 *   <li>{@code from m import *}: name "*", boundName "*", target "m.*"</li>
 * </ul>
 *
 * @param level       number of leading dots (0 for absolute imports)
 * @param module      the module text as written, without the leading dots ("" for {@code from . import x})
 * @param name        the imported name of a from-import, "*" for a star import, null for {@code import m}
 * @param boundName   the name this binds in the enclosing scope
 * @param target      the absolute dotted name it refers to, or null when a relative import cannot be resolved
 * @param region      the imported name as written ({@code C} in {@code from m import C as D}; {@code a.b.c} in {@code import a.b.c})
 * @param statementLine the first line of the whole statement
 * @param context     whether the statement runs
 * @param scope       the enclosing definitions, e.g. "BaseAgent._get_session_manager"; "" at module level
 * @param inFunction  true when some enclosing definition is a function (the import runs only when it is called)
 */
public record ImportBinding(int level, String module, String name, String boundName, String target,
                            Region region, int statementLine, ImportContext context, String scope,
                            boolean inFunction) {

    public boolean isStar() {
        return "*".equals(name);
    }

    public boolean isRuntime() {
        return context == ImportContext.RUNTIME;
    }

    /** When a runtime import runs: "at import time", or "when `A.f()` is called". */
    public String when() {
        return inFunction ? When.called(scope) : When.IMPORT_TIME;
    }
}
