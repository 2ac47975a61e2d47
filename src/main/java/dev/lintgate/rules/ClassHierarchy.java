package dev.lintgate.rules;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import dev.lintgate.rules.imports.ModulePaths;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Base classes followed through the project's own classes, in any file and through re-exports, as far as the source
 * says with certainty: a base that is not a first-party class written as a dotted name ends the walk.
 */
public final class ClassHierarchy {
    private static final int MAX_HOPS = 16;

    private final ProjectModel project;

    public ClassHierarchy(ProjectModel project) {
        this.project = project;
    }

    /** A first-party class and the file it is defined in. */
    public record ClassDef(Scope scope, PythonFile file) {
    }

    /**
     * The first of {@code ancestors} (qualified names, "pydantic.BaseModel"; a builtin by its bare name) that the
     * class derives from, directly or through first-party classes; empty when none does or the walk cannot tell.
     */
    public Optional<String> ancestorIn(Scope cls, PythonFile file, Set<String> ancestors) {
        return ancestor(cls, file, ancestors, new HashSet<>(), 0);
    }

    private Optional<String> ancestor(Scope cls, PythonFile file, Set<String> ancestors, Set<String> seen, int hops) {
        if (hops > MAX_HOPS) {
            return Optional.empty();
        }
        for (String written : cls.bases()) {
            if (written.isEmpty()) {
                continue;
            }
            String q = qualify(written, file);
            if (ancestors.contains(q)) {
                return Optional.of(q);
            }
            if (!seen.add(q)) {
                continue;
            }
            Optional<String> found = definition(q, written, file)
                    .flatMap(def -> ancestor(def.scope(), def.file(), ancestors, seen, hops + 1));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The first-party class a name refers to: {@code written} as spelled in {@code file}, {@code qualified} as
     * {@link #qualify} gives it ("pkg.mod.Cls"), found in this file or in the module that defines or re-exports it.
     */
    public Optional<ClassDef> definition(String qualified, String written, PythonFile file) {
        if (!written.contains(".")) {
            for (Scope s : file.names().scopes()) {
                if (s.kind() == Scope.Kind.CLASS && s.qualifiedName().equals(written)) {
                    return Optional.of(new ClassDef(s, file));
                }
            }
        }
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String module = qualified.substring(0, dot);
        String name = qualified.substring(dot + 1);
        Optional<PythonFile> other = project.moduleFile(module).flatMap(project::python);
        if (other.isEmpty()) {
            return Optional.empty();
        }
        for (Scope s : other.get().names().scopes()) {
            if (s.kind() == Scope.Kind.CLASS && s.qualifiedName().equals(name)) {
                return Optional.of(new ClassDef(s, other.get()));
            }
        }
        // a re-export: follow the import that binds the name in that module
        for (Binding b : other.get().names().module().bindings(name)) {
            if (b.kind() == Binding.Kind.IMPORT) {
                String target = ModulePaths.absolute(other.get(), b.imported());
                if (target != null && !target.equals(qualified)) {
                    return definition(target, target, other.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The qualified name a dotted name written in a file stands for: "BaseModel" after
     * {@code from pydantic import BaseModel} gives "pydantic.BaseModel", a name the module binds itself
     * "mod.Name"; a name nothing binds stays as written (a builtin, or unknown).
     */
    public static String qualify(String written, PythonFile file) {
        String head = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
        String rest = written.substring(head.length());
        for (Binding b : file.names().module().bindings(head)) {
            if (b.kind() == Binding.Kind.IMPORT && b.imported() != null) {
                String target = ModulePaths.absolute(file, b.imported());
                if (target == null) {
                    continue;
                }
                if (ModulePaths.isPlainImportOfHead(b)) {
                    return written;
                }
                return target + rest;
            }
        }
        if (file.moduleName() != null && !file.names().module().bindings(head).isEmpty()) {
            return file.moduleName() + "." + written;
        }
        return written;
    }
}
