package dev.lintgate.rules.imports;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What star imports bring in, when the module they name is first-party and readable: that module's {@code __all__},
 * else its public module-level names (followed through its own star imports). Empty means "could be anything": a
 * third-party or unresolvable module, a dynamic module.
 */
public final class StarExports {
    private StarExports() {
    }

    private static final int MAX_HOPS = 4;

    /** The names all of a file's star imports bring in. */
    public static Optional<Set<String>> of(PythonFile file, ProjectModel project) {
        Set<String> out = new HashSet<>();
        return collect(file, file.names(), project, out, 0) ? Optional.of(out) : Optional.empty();
    }

    /** The names {@code from module import *} brings in ({@code module} absolute). */
    public static Optional<Set<String>> of(String module, ProjectModel project) {
        Set<String> out = new HashSet<>();
        return collectModule(module, project, out, 0) ? Optional.of(out) : Optional.empty();
    }

    private static boolean collect(PythonFile file, Names model, ProjectModel project, Set<String> out, int hops) {
        for (Binding star : model.module().bindings("*")) {
            String module = ModulePaths.absolute(file, star.imported().substring(0, star.imported().length() - 2));
            if (module == null || !collectModule(module, project, out, hops)) {
                return false;
            }
        }
        return true;
    }

    private static boolean collectModule(String module, ProjectModel project, Set<String> out, int hops) {
        if (hops > MAX_HOPS) {
            return false;
        }
        Optional<PythonFile> target = project.moduleFile(module).flatMap(project::python);
        if (target.isEmpty()) {
            return false;
        }
        // the module scope is all this needs: the walk without reads costs less than the whole model
        Names names = target.get().bindings();
        if (names.hasDynamicGlobals() || names.hasModuleGetattr() || !target.get().syntaxProblems().isEmpty()) {
            return false;
        }
        if (!names.dunderAll().isEmpty()) {
            out.addAll(names.dunderAll());
            return true;
        }
        Scope m = names.module();
        for (String n : m.boundNames()) {
            if (!n.startsWith("_") && !n.equals("*")) {
                out.add(n);
            }
        }
        return !names.hasStarImport() || collect(target.get(), names, project, out, hops + 1);
    }
}
