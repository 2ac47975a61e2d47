package dev.lintgate.rules.imports;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.project.FileNames;
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
 * compiled extension modules, and imports guarded by {@code except ImportError} or an {@code if}. A typing-only
 * import is resolved as a type checker does: against the stub beside the module's source when there is one.
 */
public final class UnresolvedFirstPartyImport implements FileRule {
    /** Attributes every module has. */
    private static final Set<String> MODULE_ATTRIBUTES = Set.of("__doc__", "__name__", "__file__", "__spec__",
            "__loader__", "__package__", "__path__", "__builtins__", "__dict__", "__cached__");

    /** Dotted names of every walked module and each of its parent packages (namespace packages included). */
    static final ProjectModel.Fact<Set<String>> PACKAGES = new ProjectModel.Fact<>("first-party packages", project -> {
        Set<String> out = new HashSet<>();
        for (String module : project.moduleNames()) {
            String m = module;
            while (m != null && !m.isEmpty()) {
                if (!out.add(m)) break;
                m = m.contains(".") ? m.substring(0, m.lastIndexOf('.')) : null;
            }
        }
        // not Set.copyOf: it probes linearly from plain hash codes, and numbered module names made that quadratic
        return java.util.Collections.unmodifiableSet(out);
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

    /** A stub's imports resolve against other stubs (typeshed), not against the runtime modules walked here. */
    @Override
    public boolean checksStubs() {
        return false;
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        // a file that does not parse never imports anything (and its recovered statements are guesses): LG001 reports it
        if (!file.syntaxProblems().isEmpty()) {
            return;
        }
        Names names = file.names();
        ModuleExports.remember(project, file, names);
        Set<String> packages = project.fact(PACKAGES);
        PytestBaseDirs baseDirs = project.fact(PytestBaseDirs.FACT);
        List<ImportBinding> imports = file.imports();
        for (int i = 0; i < imports.size(); i++) {
            ImportBinding b = imports.get(i);
            String target = b.target();
            if (target == null || b.isStar() || isFutureImport(b)) continue;
            int dot = target.indexOf('.');
            String head = dot < 0 ? target : target.substring(0, dot);
            if (!packages.contains(head)) continue;
            // under pytest the file's own base directory comes first on sys.path; a package of that name there is
            // another one than the first-party package lintgate knows, and which one is imported depends on the run
            if (baseDirs.shadows(file.path(), head)) continue;
            // runtime imports inside if/try/for/with blocks may be platform or version specific
            if (names.isImportErrorGuarded(b.statementLine()) || names.isConditionalRuntimeImport(b.region().startLine())) continue;
            pending.add(new Pending(file.path(), b));
        }
    }

    /**
     * {@code from __future__ import x} is the compiler's: an unknown feature ({@code braces} too) is a SyntaxError
     * when the module is compiled, never an ImportError, whatever a first-party {@code __future__.py} (the standard
     * library's, when lintgate checks it) defines.
     */
    private static boolean isFutureImport(ImportBinding b) {
        return b.level() == 0 && b.name() != null && b.module().equals("__future__");
    }

    /**
     * Resolves the imports after all files ran, when the exports of every checked module are known from its own
     * name model; modules no rule looked at are read on demand.
     */
    @Override
    public void finish(ProjectModel project, FindingSink sink) {
        // per file in source order, so that a statement's first binding is the one that reports a shared problem
        Map<String, List<ImportBinding>> byFile = new LinkedHashMap<>();
        for (Pending p; (p = pending.poll()) != null; ) byFile.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p.binding());
        Resolver resolver = new Resolver(project);
        byFile.entrySet().parallelStream().forEach(e -> {
            // "from gone import a, b" has one problem, the missing module, said once; "from m import a, b" with
            // neither in m has two, and fixing the first would only reveal the second
            Set<String> reported = null;
            for (ImportBinding b : e.getValue()) {
                String target = b.target();
                String problem = b.name() == null ? resolver.missingModule(target) : resolver.missingName(target, !b.isRuntime());
                if (problem == null) continue;
                if (reported == null) reported = new HashSet<>();
                if (!reported.add(b.statementLine() + " " + problem)) continue;
                String message = b.isRuntime()
                        ? "`" + target + "` cannot be imported: " + problem + "; ImportError " + b.when() + "."
                        : "The type checker will not find `" + target + "`: " + problem + "; at runtime the import never runs.";
                sink.report(new Location(e.getKey(), b.region()), message,
                        "Import it from where it is defined now, or remove the import.", target, List.of(),
                        b.isRuntime() ? null : Severity.WARNING);
            }
        });
    }

    /**
     * Answers for one run, once per distinct module or imported name: the ~27,000 imports of a large tree name a
     * few thousand targets, and the answer for {@code a.b.c} starts from the one for {@code a.b}.
     */
    private static final class Resolver {
        /** The walk of a dotted path reached a parent that may provide anything: nothing is missing. */
        private static final String OPEN = new String("open");
        /** Every module on the path exists. */
        private static final String FOUND = new String("found");

        private final ProjectModel project;
        private final Set<String> packages;
        /** Module path to OPEN, FOUND or the problem. */
        private final Map<String, String> modules = new ConcurrentHashMap<>();
        /** From-import target to FOUND or the problem, at runtime and for a type checker. */
        private final Map<String, String> names = new ConcurrentHashMap<>();
        private final Map<String, String> typeCheckerNames = new ConcurrentHashMap<>();

        Resolver(ProjectModel project) {
            this.project = project;
            this.packages = project.fact(PACKAGES);
        }

        /** Null when every module on the dotted path exists. */
        String missingModule(String module) {
            // as String.split read the path before: trailing empty segments do not count
            int end = module.length();
            while (end > 0 && module.charAt(end - 1) == '.') end--;
            String walk = walk(end == module.length() ? module : module.substring(0, end));
            return walk == OPEN || walk == FOUND ? null : walk;
        }

        /**
         * Checks the parents first, shortest first: an import hook or sys.modules trick in a parent can provide
         * any submodule below it, and the first missing module is the one reported.
         */
        private String walk(String module) {
            String known = modules.get(module);
            if (known != null) return known;
            String answer;
            int dot = module.lastIndexOf('.');
            if (dot < 0) {
                answer = FOUND;
            } else {
                String parent = module.substring(0, dot);
                answer = walk(parent);
                if (answer == FOUND) {
                    if (ModuleExports.of(project, parent).map(ModuleExports::open).orElse(false)) {
                        answer = OPEN;
                    } else if (!moduleExists(parent, module, true)) {
                        answer = isNamespacePackage(parent) ? OPEN : "module `" + module + "` does not exist";
                    }
                }
            }
            // a race computes the same answer twice
            modules.put(module, answer);
            return answer;
        }

        /**
         * A first-party directory without {@code __init__.py} (PEP 420). Every directory of that name on sys.path is
         * a portion of it, so an installed distribution may hold a submodule the project does not (poetry's
         * {@code poetry.core} comes from poetry-core): what is installed is unknown here, and so is the submodule.
         */
        private boolean isNamespacePackage(String module) {
            return project.moduleFile(module).isEmpty() && packages.contains(module);
        }

        /**
         * For {@code from M import n}: null when M exists and has n (as a name or a submodule). A type checker reads
         * the stub beside M's source instead of the source, whether the source has n or not.
         */
        String missingName(String target, boolean typeChecker) {
            Map<String, String> answers = typeChecker ? typeCheckerNames : names;
            String known = answers.get(target);
            if (known == null) {
                known = nameProblem(target, typeChecker);
                answers.put(target, known == null ? FOUND : known);
            }
            return known == FOUND ? null : known;
        }

        private String nameProblem(String target, boolean typeChecker) {
            int dot = target.lastIndexOf('.');
            String module = target.substring(0, dot);
            String name = target.substring(dot + 1);
            String moduleProblem = missingModule(module);
            if (moduleProblem != null) return moduleProblem;
            if (moduleExists(module, target, false)) return null;
            if (MODULE_ATTRIBUTES.contains(name)) return null;
            Optional<ModuleExports> stub = typeChecker ? ModuleExports.ofStub(project, module) : Optional.empty();
            Optional<ModuleExports> exports = stub.isPresent() ? stub : ModuleExports.of(project, module);
            if (exports.isEmpty() || exports.get().open() || exports.get().names().contains(name)) return null;
            return stub.isPresent() ? "its stub `" + project.stubFile(module).orElseThrow() + "` has no `" + name + "`"
                    : "module `" + module + "` has no `" + name + "`";
        }

        /**
         * Whether {@code child} (a submodule of {@code parent}) exists: walked, written by the build at install time
         * ({@link GeneratedModules}), excluded but on disk, or compiled.
         * Below a plain module (not a package) nothing exists on disk, yet {@code import os.path} works because os
         * puts it into sys.modules: for module paths that counts as "cannot tell" ({@code plainModuleChildUnknown}).
         */
        private boolean moduleExists(String parent, String child, boolean plainModuleChildUnknown) {
            if (project.moduleFile(child).isPresent() || packages.contains(child)) return true;
            if (project.fact(GeneratedModules.FACT).contains(child)) return true;
            return moduleOnDisk(project, parent, child, plainModuleChildUnknown);
        }
    }

    private static boolean moduleOnDisk(ProjectModel project, String parent, String child, boolean plainModuleChildUnknown) {
        Optional<String> parentFile = project.moduleFile(parent);
        if (parentFile.isEmpty()) {
            // a namespace package: its walked modules are known; what other portions hold, the resolver's walk
            // decides (Resolver.isNamespacePackage)
            return !project.fact(PACKAGES).contains(parent);
        }
        // a plain module has no submodules on disk; "import os.path" works because os puts it into sys.modules
        if (!parentFile.get().endsWith("__init__.py") && !parentFile.get().endsWith("__init__.pyi")) return plainModuleChildUnknown;
        Path dir = project.absolute(parentFile.get()).getParent();
        String last = child.substring(child.lastIndexOf('.') + 1);
        // the directory's names as the OS gives them, not a path built from the module name: Java encodes such a path
        // in the locale's charset, which under LANG=C cannot spell pkg/naïve.py
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = FileNames.of(entry);
                if ((name.equals(last + ".py") || name.equals(last + ".pyi")) && Files.exists(entry)) return true;
                if (name.equals(last) && Files.isDirectory(entry)) return true;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;    // lintgate cannot look, so it claims nothing
        }
        int slash = parentFile.get().lastIndexOf('/');
        return project.fact(CompiledModules.FACT).any(project, slash < 0 ? "" : parentFile.get().substring(0, slash), last);
    }
}
