package dev.lintgate.rules.imports;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.StringArgument;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LG104: a deprecated target reached without an import statement naming it: a dotted string given to
 * importlib/pkgutil/mock.patch, or an attribute read through a module binding ({@code sm.DatabaseSessionManager}).
 */
public final class DeprecatedDynamicReference implements DeprecationRule {
    private static final Set<String> MODULE_PATH_CALLS = Set.of("import_module", "__import__", "resolve_name",
            "find_spec", "import_string", "patch");

    @Override
    public String code() {
        return "LG104";
    }


    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        Deprecations deprecations = project.fact(Deprecations.FACT);
        if (deprecations.isEmpty()) return;
        Names names = file.names();
        for (StringArgument arg : names.stringArguments()) {
            String path = path(arg, file, arg.scope().resolve(arg.receiver() == null ? "" : arg.receiver()));
            if (path == null) continue;
            Optional<Deprecation> match = deprecations.matchPath(path);
            if (match.isEmpty()) continue;
            report(file, names.region(arg.start(), arg.end()), match.get(), "`" + arg.callee() + "(\"" + arg.value() + "\")`", sink);
        }
        for (NameUse use : names.uses()) {
            if (use.chainEnd() < 0 || use.use() == NameUse.Use.TYPING || use.typingBlock()) continue;
            String dotted = null;
            for (Binding b : use.scope().resolve(use.name())) {
                if (b.kind() != Binding.Kind.IMPORT || b.typingOnly()) continue;
                String target = ModulePaths.absolute(file, b.imported());
                if (target == null) continue;
                // the import itself is LG101's finding; only a deeper attribute is reached dynamically
                if (deprecations.matchPath(target).isPresent()) continue;
                if (dotted == null) dotted = names.dotted(use);
                String full = ModulePaths.isPlainImportOfHead(b) ? dotted : target + dotted.substring(use.name().length());
                Optional<Deprecation> match = deprecations.matchPath(full);
                if (match.isPresent()) {
                    report(file, names.region(use.start(), use.chainEnd()), match.get(), "`" + dotted + "`", sink);
                    break;
                }
            }
        }
    }

    /** The dotted path a string argument names, or null when the call does not take one there. */
    private static String path(StringArgument arg, PythonFile file, List<Binding> receiver) {
        String callee = arg.callee();
        String last = callee.substring(callee.lastIndexOf('.') + 1);
        if (arg.index() == 0 && MODULE_PATH_CALLS.contains(last) && !arg.value().startsWith(".")) {
            return arg.value().replace(':', '.');
        }
        if (arg.index() == 1 && callee.endsWith("patch.object") && !receiver.isEmpty()) {
            Binding b = receiver.get(0);
            if (b.kind() != Binding.Kind.IMPORT) return null;
            String target = ModulePaths.absolute(file, b.imported());
            return target == null ? null : target + "." + arg.value();
        }
        return null;
    }

    private static void report(PythonFile file, dev.lintgate.finding.Region region, Deprecation d, String what, FindingSink sink) {
        String replacement = d.origin().replacement();
        String message = what + " refers to deprecated `" + d.origin().name() + "` at runtime.";
        if (d.origin().message() != null && !d.origin().message().isBlank()) message += " " + d.origin().message().strip();
        sink.report(new Location(file.path(), region), message,
                replacement != null ? "Refer to `" + replacement + "` instead." : "Remove the reference.",
                d.origin().name(), List.of(), null);
    }
}
