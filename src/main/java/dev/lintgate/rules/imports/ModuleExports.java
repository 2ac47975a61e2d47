package dev.lintgate.rules.imports;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import java.util.HashSet;
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
        Map<String, Optional<ModuleExports>> cache = project.fact(CACHE);
        Optional<ModuleExports> known = cache.get(module);
        if (known != null) {
            return known;
        }
        Optional<ModuleExports> computed = project.moduleFile(module).flatMap(project::python)
                .map(file -> compiledSibling(project, file) ? new ModuleExports(Set.of(), true) : compute(file));
        cache.put(module, computed);
        return computed;
    }

    /**
     * A stub, or a module next to a compiled extension of the same name ({@code _sobol.pyi} beside
     * {@code _sobol.cpython-311-x86_64-linux-gnu.so}): at runtime the extension is imported, and it is unreadable.
     */
    private static boolean compiledSibling(ProjectModel project, PythonFile file) {
        if (file.isStub()) {
            return true;
        }
        java.nio.file.Path path = project.absolute(file.path());
        String name = path.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        try (java.nio.file.DirectoryStream<java.nio.file.Path> siblings =
                     java.nio.file.Files.newDirectoryStream(path.getParent(), stem + ".*")) {
            for (java.nio.file.Path p : siblings) {
                String f = p.getFileName().toString();
                if (f.endsWith(".so") || f.endsWith(".pyd")) {
                    return true;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
        return false;
    }

    private static ModuleExports compute(PythonFile file) {
        if (!file.syntaxProblems().isEmpty()) {
            return new ModuleExports(Set.of(), true);
        }
        Names names = file.bindings();
        if (names.hasModuleGetattr() || names.hasStarImport() || names.hasDynamicGlobals()) {
            return new ModuleExports(Set.of(), true);
        }
        Set<String> out = new HashSet<>(names.module().boundNames());
        out.addAll(names.dunderAll());
        for (Scope s : names.scopes()) {
            for (String n : s.boundNames()) {
                if (s.declaresGlobal(n)) {
                    out.add(n);
                }
            }
        }
        return new ModuleExports(Set.copyOf(out), false);
    }
}
