package dev.lintgate.rules.names;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** LG107: a name no scope binds, read where Python evaluates it. */
public final class UndefinedNameAtRuntime implements FileRule {

    @Override
    public String code() {
        return "LG107";
    }

    @Override
    public Set<String> triggers(ProjectModel project) {
        return Set.of();
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        if (file.isStub()) {
            return;
        }
        Names names = file.names();
        if (names.hasDynamicGlobals() || names.hasModuleGetattr()) {
            return;
        }
        Set<String> starNames = null;
        boolean starChecked = false;
        for (NameUse use : names.uses()) {
            if (use.guarded() || !Evaluation.isEvaluated(use, names, project)) {
                continue;
            }
            String name = use.name();
            if (Builtins.contains(name) || !use.scope().resolve(name).isEmpty() || implicit(name, use.scope(), file)) {
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
            String message = "`" + name + "` is not defined: NameError " + use.when() + ".";
            sink.report(new Location(file.path(), names.region(use)), message,
                    "Import or define `" + name + "`, or fix the spelling.", name, List.of(), Evaluation.severity(use, project));
        }
    }

    /** Names Python binds implicitly in some scopes: {@code __class__} in methods, {@code __path__} in packages. */
    private static boolean implicit(String name, Scope scope, PythonFile file) {
        return switch (name) {
            case "__path__" -> file.isPackage();
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
