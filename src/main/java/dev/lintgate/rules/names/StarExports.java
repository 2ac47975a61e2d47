package dev.lintgate.rules.names;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.rules.imports.ModulePaths;
import dev.lintgate.python.Binding;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a module's star imports bring in, when every one of them names a first-party module lintgate can read:
 * that module's {@code __all__}, else its public module-level names (followed through its own star imports).
 * Empty means "could be anything": a third-party or unresolvable star import, a dynamic module.
 */
final class StarExports {
    private StarExports() {
    }

    private static final int MAX_HOPS = 4;

    static Optional<Set<String>> of(PythonFile file, ProjectModel project) {
        Set<String> out = new HashSet<>();
        return collect(file, file.names(), project, out, 0) ? Optional.of(out) : Optional.empty();
    }

    private static boolean collect(PythonFile file, Names model, ProjectModel project, Set<String> out, int hops) {
        if (hops > MAX_HOPS) {
            return false;
        }
        for (Binding star : model.module().bindings("*")) {
            String module = ModulePaths.absolute(file, star.imported().substring(0, star.imported().length() - 2));
            if (module == null) {
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
                continue;
            }
            Scope m = names.module();
            for (String n : m.boundNames()) {
                if (!n.startsWith("_") && !n.equals("*")) {
                    out.add(n);
                }
            }
            if (names.hasStarImport() && !collect(target.get(), names, project, out, hops + 1)) {
                return false;
            }
        }
        return true;
    }
}
