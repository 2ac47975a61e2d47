package dev.lintgate.rules.imports;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LG106: an import of a first-party module that does not exist, or of a name its module neither defines nor
 * re-exports. First-party means the top-level package is a module lintgate walked. Anything that could make the
 * name exist at runtime silences it: {@code __getattr__}, star imports, {@code __all__}, dynamic globals,
 * compiled extension modules, and imports guarded by {@code except ImportError} or an {@code if}.
 */
public final class UnresolvedFirstPartyImport implements FileRule {
    /** Attributes every module has. */
    private static final Set<String> MODULE_ATTRIBUTES = Set.of("__doc__", "__name__", "__file__", "__spec__",
            "__loader__", "__package__", "__path__", "__builtins__", "__dict__", "__cached__");

    /** Dotted names of every walked module and each of its parent packages (namespace packages included). */
    static final ProjectModel.Fact<Set<String>> PACKAGES = new ProjectModel.Fact<>("first-party packages", project -> {
        Set<String> out = new HashSet<>();
        for (String path : project.pythonFiles()) {
            String m = dev.lintgate.python.ModuleNames.moduleName(path, project.config().src());
            while (m != null && !m.isEmpty()) {
                if (!out.add(m)) break;
                m = m.contains(".") ? m.substring(0, m.lastIndexOf('.')) : null;
            }
        }
        return Set.copyOf(out);
    });

    @Override
    public String code() {
        return "LG106";
    }

    @Override
    public Set<String> triggers(ProjectModel project) {
        return Set.of("import");
    }

    /** Nothing to do without an import statement, and the imports come with the statement scan. */
    @Override
    public boolean cheapOnBuiltModel() {
        return true;
    }

    /** Imports to resolve once every file has recorded its exports; see {@link #finish}. */
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    private record Pending(String path, ImportBinding binding) {
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        // a stub's imports resolve against other stubs (typeshed), not against the runtime modules walked here
        if (file.isStub()) return;
        Names names = file.names();
        ModuleExports.remember(project, file, names);
        Set<String> packages = project.fact(PACKAGES);
        // most files import only the standard library and third parties: the scopes are walked for the rest
        Set<Integer> conditional = null;
        for (ImportBinding b : file.imports()) {
            String target = b.target();
            if (target == null || b.isStar()) continue;
            int dot = target.indexOf('.');
            if (!packages.contains(dot < 0 ? target : target.substring(0, dot))) continue;
            if (conditional == null) conditional = conditionalImportLines(names);
            if (names.isImportErrorGuarded(b.statementLine()) || conditional.contains(b.region().startLine())) continue;
            pending.add(new Pending(file.path(), b));
        }
    }

    /**
     * Resolves the imports after all files ran, when the exports of every checked module are known from its own
     * name model; modules no rule looked at are read on demand.
     */
    @Override
    public void finish(ProjectModel project, FindingSink sink) {
        // per file in source order: of several bindings of one statement, the first is reported
        Map<String, List<ImportBinding>> byFile = new LinkedHashMap<>();
        for (Pending p; (p = pending.poll()) != null; ) byFile.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p.binding());
        byFile.entrySet().parallelStream().forEach(e -> {
            Set<Integer> reportedStatements = new HashSet<>();
            for (ImportBinding b : e.getValue()) {
                String target = b.target();
                String problem = b.name() == null ? missingModule(project, target) : missingName(project, target);
                if (problem == null) continue;
                if (problem.startsWith("module") && !reportedStatements.add(b.statementLine())) continue;
                Severity severity = b.isRuntime() ? null : Severity.WARNING;
                String when = !b.isRuntime() ? "the import only runs under a type checker"
                        : "ImportError " + DeprecatedRuntimeImport.when(b);
                sink.report(new Location(e.getKey(), b.region()), "`" + target + "` cannot be imported: " + problem + "; " + when + ".",
                        "Import it from where it is defined now, or remove the import.", target, List.of(), severity);
            }
        });
    }

    /** Lines of runtime imports inside if/try/for/with blocks: they may be platform or version specific. */
    private static Set<Integer> conditionalImportLines(Names names) {
        Set<Integer> lines = new HashSet<>();
        for (Scope s : names.scopes()) {
            for (String n : s.boundNames()) {
                for (Binding b : s.bindings(n)) {
                    if (b.kind() == Binding.Kind.IMPORT && b.conditional() && !b.typingOnly()) lines.add(b.line());
                }
            }
        }
        return lines;
    }

    /** Null when every module on the dotted path exists. */
    private static String missingModule(ProjectModel project, String module) {
        String[] parts = module.split("\\.");
        String prefix = parts[0];
        for (int i = 1; i < parts.length; i++) {
            String next = prefix + "." + parts[i];
            // an import hook or sys.modules trick in the parent can provide any submodule
            if (ModuleExports.of(project, prefix).map(ModuleExports::open).orElse(false)) return null;
            if (!moduleExists(project, prefix, next, true)) {
                return "module `" + next + "` does not exist";
            }
            prefix = next;
        }
        return null;
    }

    /** For {@code from M import n}: null when M exists and has n (as a name or a submodule). */
    private static String missingName(ProjectModel project, String target) {
        int dot = target.lastIndexOf('.');
        String module = target.substring(0, dot);
        String name = target.substring(dot + 1);
        String moduleProblem = missingModule(project, module);
        if (moduleProblem != null) return moduleProblem;
        if (moduleExists(project, module, target, false)) return null;
        if (MODULE_ATTRIBUTES.contains(name)) return null;
        Optional<ModuleExports> exports = ModuleExports.of(project, module);
        if (exports.isEmpty() || exports.get().open() || exports.get().names().contains(name)) return null;
        return "module `" + module + "` has no `" + name + "`";
    }

    /**
     * Whether {@code child} (a submodule of {@code parent}) exists: walked, excluded but on disk, or compiled.
     * Below a plain module (not a package) nothing exists on disk, yet {@code import os.path} works because os puts
     * it into sys.modules: for module paths that counts as "cannot tell" ({@code plainModuleChildUnknown}).
     */
    private static boolean moduleExists(ProjectModel project, String parent, String child, boolean plainModuleChildUnknown) {
        if (project.moduleFile(child).isPresent() || project.fact(PACKAGES).contains(child)) return true;
        // the answer only depends on the disk below a package, which the same imports ask about again and again
        String key = parent + "\u0000" + child + "\u0000" + plainModuleChildUnknown;
        return project.fact(ON_DISK).computeIfAbsent(key, k -> moduleOnDisk(project, parent, child, plainModuleChildUnknown));
    }

    private static final ProjectModel.Fact<Map<String, Boolean>> ON_DISK =
            new ProjectModel.Fact<>("first-party submodules on disk", project -> new ConcurrentHashMap<>());

    private static boolean moduleOnDisk(ProjectModel project, String parent, String child, boolean plainModuleChildUnknown) {
        Optional<String> parentFile = project.moduleFile(parent);
        if (parentFile.isEmpty()) {
            // a namespace package: it exists only through walked modules inside it, and those are all known
            return !project.fact(PACKAGES).contains(parent);
        }
        // a plain module has no submodules on disk; "import os.path" works because os puts it into sys.modules
        if (!parentFile.get().endsWith("__init__.py") && !parentFile.get().endsWith("__init__.pyi")) return plainModuleChildUnknown;
        Path dir = project.absolute(parentFile.get()).getParent();
        String last = child.substring(child.lastIndexOf('.') + 1);
        if (Files.exists(dir.resolve(last + ".py")) || Files.exists(dir.resolve(last + ".pyi")) || Files.isDirectory(dir.resolve(last))) {
            return true;
        }
        try (DirectoryStream<Path> compiled = Files.newDirectoryStream(dir, last + ".*")) {
            for (Path p : compiled) {
                String f = p.getFileName().toString();
                if (f.endsWith(".so") || f.endsWith(".pyd") || f.endsWith(".pyc")) return true;
            }
        } catch (IOException e) {
            return true;
        }
        return false;
    }
}
