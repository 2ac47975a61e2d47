package dev.lintgate.rules;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.imports.ModulePaths;
import java.util.List;

/**
 * When Python evaluates a name read, under the project's settings: the one place that knows that annotations are
 * deferred by {@code from __future__ import annotations}, by target-version 3.14, or by a guard that lets the code
 * run only on 3.14 or later (PEP 649), and how severe a failure at call time is. Shared by the name rules and LG104,
 * which must agree on what runs.
 */
public final class Evaluation {
    /** The first version whose annotations are deferred (PEP 649, PEP 749). */
    private static final int DEFERRED_ANNOTATIONS = 14;

    private Evaluation() {
    }

    /** True when Python itself evaluates the read at some point (import, call, exception or match). */
    public static boolean isEvaluated(NameUse use, PythonFile file, ProjectModel project) {
        if (use.typingBlock()) {
            return false;
        }
        return switch (use.use()) {
            case RUNTIME, ON_DEMAND -> true;
            case ANNOTATION -> annotationsAreEager(use, file, project);
            case TYPING -> false;
        };
    }

    /**
     * Whether the annotation read by {@code use} is evaluated where it is defined: not under the future import, not
     * when the project targets 3.14 or later, and not in code that runs only on 3.14 or later (the body of
     * {@code if sys.version_info >= (3, 14):}, a test skipped below 3.14 by its marks or its module's
     * {@code pytestmark}).
     */
    public static boolean annotationsAreEager(NameUse use, PythonFile file, ProjectModel project) {
        Names names = file.names();
        if (names.hasFutureAnnotations() || project.config().targetMinor() >= DEFERRED_ANNOTATIONS) return false;
        return lowestMinor(use, file, project) < DEFERRED_ANNOTATIONS;
    }

    /** The lowest 3.x minor version the code holding the read runs on, from the file's version guards; 0 for any. */
    static int lowestMinor(NameUse use, PythonFile file, ProjectModel project) {
        List<Names.VersionGuard> guards = file.names().versionGuards();
        int lowest = 0;
        for (int i = 0; i < guards.size(); i++) {
            Names.VersionGuard g = guards.get(i);
            if (use.start() < g.start() || use.start() >= g.end()) continue;
            // a module's or class's pytestmark skips its test functions; its own code runs when it is imported
            if (g.functionsOnly() && use.importTime()) continue;
            lowest = Math.max(lowest, g.mark() == null ? g.minor() : importedMark(g.mark(), file, project));
        }
        return lowest;
    }

    /**
     * The version of a skip mark a module imports ({@code from .utils import needs_py314}): the one its module binds
     * it to at module level; 0 when that is not a first-party module or binds it otherwise.
     */
    private static int importedMark(String name, PythonFile file, ProjectModel project) {
        for (Binding b : file.names().module().bindings(name)) {
            if (b.kind() != Binding.Kind.IMPORT || b.typingOnly() || ModulePaths.isPlainImportOfHead(b)) continue;
            String target = ModulePaths.absolute(file, b.imported());
            int dot = target == null ? -1 : target.lastIndexOf('.');
            if (dot < 0) continue;
            Integer minor = project.moduleFile(target.substring(0, dot)).flatMap(project::python)
                    .map(m -> m.bindings().versionMarks().get(target.substring(dot + 1))).orElse(null);
            if (minor != null) return minor;
        }
        return 0;
    }

    /** Import-time failures are errors; call-time ones warnings unless {@code call-time-severity = "error"}. */
    public static Severity severity(NameUse use, ProjectModel project) {
        if (use.importTime() && use.use() != NameUse.Use.ON_DEMAND) {
            return Severity.ERROR;
        }
        ConfigValue v = project.config().ruleOptions().get("call-time-severity");
        if (v != null && v.value() instanceof String s) {
            try {
                return Severity.parse(s);
            } catch (IllegalArgumentException e) {
                return Severity.WARNING;
            }
        }
        return Severity.WARNING;
    }
}
