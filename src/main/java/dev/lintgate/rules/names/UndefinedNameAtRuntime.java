package dev.lintgate.rules.names;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import dev.lintgate.rules.Evaluation;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.imports.StarExports;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** LG107: a name no scope binds, read where Python evaluates it. */
public final class UndefinedNameAtRuntime implements FileRule {
    /** Names mypy and pyright understand without an import, for their own output; at runtime they are unbound. */
    private static final Set<String> TYPE_CHECKER_BUILTINS = Set.of("reveal_type", "reveal_locals");

    @Override
    public String code() {
        return "LG107";
    }

    @Override
    public Set<String> triggers(ProjectModel project) {
        return Set.of();
    }

    /** Stubs never run. */
    @Override
    public boolean checksStubs() {
        return false;
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        // in a file that does not parse, the recovered statements around the error are guesses: LG001 reports it
        if (!file.syntaxProblems().isEmpty()) {
            return;
        }
        Names names = file.names();
        project.fact(InjectedNames.FACT).take(file, names);
        if (names.hasDynamicGlobals() || names.hasModuleGetattr()) {
            return;
        }
        Set<String> starNames = null;
        boolean starChecked = false;
        // "try: get_ipython except NameError: return" guards the later uses of the name too; gathered only when
        // some name is neither bound nor a builtin, which in most files none is
        Set<String> probed = null;
        List<NameUse> uses = names.uses();
        for (int i = 0; i < uses.size(); i++) {
            NameUse use = uses.get(i);
            String name = use.name();
            // cheapest first: nearly every name is bound or a builtin, and only the rest need the evaluation context
            if (!use.scope().resolve(name).isEmpty() || Builtins.contains(name) || use.guarded()) {
                continue;
            }
            if (probed == null) probed = probed(uses);
            if (probed.contains(name) || implicit(name, use.scope(), file, project) || !Evaluation.isEvaluated(use, file, project)) {
                continue;
            }
            if (file.isPackage() && submodules(file).contains(name)) {
                continue;
            }
            if (names.hasStarImport()) {
                if (!starChecked) {
                    starNames = StarExports.of(file, project).orElse(null);
                    starChecked = true;
                }
                if (starNames == null || starNames.contains(name)) {
                    continue;
                }
            }
            boolean typeCheckerOnly = TYPE_CHECKER_BUILTINS.contains(name);
            String message = "`" + name + "` is not defined: NameError " + use.when() + "."
                    + (typeCheckerOnly ? " Type checkers know it without an import; Python does not." : "");
            String hint = typeCheckerOnly ? "Remove it, or import it from typing (Python 3.11+) or typing_extensions."
                    : "Import or define `" + name + "`, or fix the spelling.";
            held.add(new InjectedNames.Held(name, file.moduleName(), new Location(file.path(), names.region(use)), message,
                    hint, List.of(), Evaluation.severity(use, project)));
        }
    }

    /** Findings until every file told what it puts into builtins; see {@link #finish}. */
    private final Queue<InjectedNames.Held> held = new ConcurrentLinkedQueue<>();

    @Override
    public void finish(ProjectModel project, FindingSink sink) {
        InjectedNames.report(project, held, sink);
    }

    /** The names read inside a try whose handlers catch NameError. */
    private static Set<String> probed(List<NameUse> uses) {
        Set<String> probed = new java.util.HashSet<>();
        for (int i = 0; i < uses.size(); i++) {
            NameUse use = uses.get(i);
            if (use.guarded()) probed.add(use.name());
        }
        return probed;
    }

    /**
     * In a package's {@code __init__}, importing a submodule in any way ({@code from .sub import x},
     * {@code import pkg.sub}) sets the attribute {@code sub} on the package, which is this module's globals.
     */
    private static Set<String> submodules(PythonFile file) {
        Set<String> out = new java.util.HashSet<>();
        String prefix = file.moduleName() == null ? null : file.moduleName() + ".";
        for (dev.lintgate.python.ImportBinding b : file.imports()) {
            String target = b.target();
            if (prefix != null && target != null && target.startsWith(prefix)) {
                String rest = target.substring(prefix.length());
                out.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
            if (b.level() == 1 && b.module().isEmpty() == false) {
                String m = b.module();
                out.add(m.contains(".") ? m.substring(0, m.indexOf('.')) : m);
            }
        }
        return out;
    }

    /**
     * Names Python binds implicitly in some scopes: {@code __class__} in methods, {@code __path__} in packages; and
     * {@code tags}, which Sphinx puts into the namespace of the {@code conf.py} it runs.
     */
    private static boolean implicit(String name, Scope scope, PythonFile file, ProjectModel project) {
        return switch (name) {
            case "__path__" -> file.isPackage();
            case "tags" -> file.path().endsWith("conf.py") && project.fact(SphinxConfigs.FACT).contains(file.path());
            case "__class__" -> inMethod(scope);
            case "__qualname__", "__module__" -> scope.kind() == Scope.Kind.CLASS;
            default -> false;
        };
    }

    private static boolean inMethod(Scope scope) {
        for (Scope s = scope; s != null; s = s.parent()) {
            if (s.kind() == Scope.Kind.CLASS) {
                return true;
            }
        }
        return false;
    }
}
