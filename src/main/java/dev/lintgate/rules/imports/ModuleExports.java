package dev.lintgate.rules.imports;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names a first-party module provides to {@code from m import n}, computed once per module and kept small
 * (the full name model of every imported module would not fit in memory). {@code open} means anything may
 * exist: {@code __getattr__}, a star import, dynamic globals, or a file that does not parse.
 */
public record ModuleExports(Set<String> names, boolean open) {
    private static final ProjectModel.Fact<Map<String, Optional<ModuleExports>>> CACHE =
            new ProjectModel.Fact<>("module exports", project -> new ConcurrentHashMap<>());

    /** Empty when the module is not a walked Python file. */
    public static Optional<ModuleExports> of(ProjectModel project, String module) {
        return cached(project, CACHE, module, project.moduleFile(module), true);
    }

    private static final ProjectModel.Fact<Map<String, Optional<ModuleExports>>> STUB_CACHE =
            new ProjectModel.Fact<>("stub exports", project -> new ConcurrentHashMap<>());

    /**
     * What a type checker finds in a module whose source has a stub beside it ({@link ProjectModel#stubFile}): the
     * stub's names, since it reads the stub instead of the source. Empty when there is no such stub.
     */
    public static Optional<ModuleExports> ofStub(ProjectModel project, String module) {
        return cached(project, STUB_CACHE, module, project.stubFile(module), false);
    }

    /** The exports of {@code file} for {@code module}, computed once per run; a source may defer to its extension. */
    private static Optional<ModuleExports> cached(ProjectModel project, ProjectModel.Fact<Map<String, Optional<ModuleExports>>> fact,
                                                  String module, Optional<String> file, boolean runtime) {
        Map<String, Optional<ModuleExports>> cache = project.fact(fact);
        Optional<ModuleExports> known = cache.get(module);
        if (known != null) {
            return known;
        }
        Optional<ModuleExports> computed = file.flatMap(project::python).map(f -> {
            if (runtime && compiledSibling(project, f)) return OPEN.get();
            ModuleExports exports = compute(f, f.bindings());
            f.release();
            return exports;
        });
        cache.put(module, computed);
        return computed;
    }

    /**
     * Records the exports of a file whose name model a rule has just built, so that no importer has to scan it
     * again (a bindings-only walk of every imported module cost as much as the whole name model of a project).
     */
    public static void remember(ProjectModel project, PythonFile file, Names names) {
        String module = file.moduleName();
        if (module == null || !file.path().equals(project.moduleFile(module).orElse(null))) return;
        Map<String, Optional<ModuleExports>> cache = project.fact(CACHE);
        if (cache.containsKey(module)) return;
        cache.put(module, compiledSibling(project, file) ? OPEN : Optional.of(compute(file, names)));
    }

    private static final Optional<ModuleExports> OPEN = Optional.of(new ModuleExports(Set.of(), true));

    /**
     * A stub, or a module next to a compiled extension of the same name ({@code _sobol.pyi} beside
     * {@code _sobol.cpython-311-x86_64-linux-gnu.so}): at runtime the extension is imported, and it is unreadable.
     */
    private static boolean compiledSibling(ProjectModel project, PythonFile file) {
        if (file.isStub()) {
            return true;
        }
        // every module file asks: the relative path gives directory and stem without building Paths
        String path = file.path();
        int slash = path.lastIndexOf('/');
        return project.fact(CompiledModules.FACT).extension(project, slash < 0 ? "" : path.substring(0, slash),
                path.substring(slash + 1, path.lastIndexOf('.')));
    }

    /**
     * A package that sets its own {@code __path__} ({@code __path__ = pkgutil.extend_path(__path__, __name__)}, the
     * namespace package before PEP 420) looks for submodules wherever that list says, installed distributions
     * included: any submodule, and so any name, may exist.
     */
    private static boolean extendsPath(Names names) {
        return !names.module().bindings("__path__").isEmpty();
    }

    private static ModuleExports compute(PythonFile file, Names names) {
        if (!file.syntaxProblems().isEmpty()) {
            return new ModuleExports(Set.of(), true);
        }
        if (names.hasModuleGetattr() || names.hasStarImport() || names.hasDynamicGlobals()
                || file.isPackage() && extendsPath(names)) {
            return new ModuleExports(Set.of(), true);
        }
        Set<String> bound = names.module().boundNames();
        List<String> all = names.dunderAll();
        List<String> globals = names.globalDeclarations();
        if (all.isEmpty() && globals.isEmpty()) {
            return new ModuleExports(compact(bound), false);
        }
        Set<String> out = new HashSet<>(bound);
        out.addAll(all);
        out.addAll(globals);
        return new ModuleExports(compact(out), false);
    }

    /** Past this many names a module's exports stay a HashSet (see {@link #compact}). */
    private static final int LARGEST_COMPACT = 256;

    /**
     * Set.of over an array of distinct names, the smallest set there is (Set.copyOf would first copy them into
     * another HashSet). But Set.of probes linearly from the names' plain hash codes, and names that differ in their
     * last chars (T0 ... T99999 in a generated module) have consecutive ones: building and asking a set of 100,000
     * of them was quadratic, so a large one stays a HashSet, which spreads the hashes.
     */
    private static Set<String> compact(Set<String> names) {
        if (names.size() > LARGEST_COMPACT) return java.util.Collections.unmodifiableSet(new HashSet<>(names));
        return Set.of(names.toArray(new String[0]));
    }
}
