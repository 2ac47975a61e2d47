package dev.lintgate.rules;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.rules.imports.ModulePaths;
import dev.lintgate.python.Binding;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a class or function has annotations a library evaluates at runtime: a base class in
 * {@code runtime-evaluated-base-classes} (followed through first-party base classes in any file), a decorator in
 * {@code runtime-evaluated-decorators}, or a singledispatch {@code @x.register}. Python's own deferral of annotations
 * does not stop these libraries, so LG103 and LG104 count such annotations as runtime reads.
 */
public final class RuntimeEvaluatedClasses {
    static final List<String> DEFAULT_BASES = List.of("pydantic.BaseModel", "pydantic_settings.BaseSettings",
            "sqlalchemy.orm.DeclarativeBase");
    /**
     * attrs is not in the default: it stores string annotations unresolved unless {@code attrs.resolve_types} is
     * called, so its classes import fine with TYPE_CHECKING-only names (jsonschema does this); teams that resolve
     * types add it.
     */
    static final List<String> DEFAULT_DECORATORS = List.of("pydantic.validate_call", "pydantic.dataclasses.dataclass");
    private static final int MAX_HOPS = 16;

    private final ProjectModel project;
    private final Set<String> bases;
    private final Set<String> decorators;

    public RuntimeEvaluatedClasses(ProjectModel project) {
        this.project = project;
        this.bases = Set.copyOf(option(project, "runtime-evaluated-base-classes", DEFAULT_BASES));
        this.decorators = Set.copyOf(option(project, "runtime-evaluated-decorators", DEFAULT_DECORATORS));
    }

    private static List<String> option(ProjectModel project, String key, List<String> fallback) {
        ConfigValue v = project.config().ruleOptions().get(key);
        if (v != null && v.value() instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return fallback;
    }

    /**
     * Why the annotations of {@code owner} (a class or function) are read at runtime, as a clause for a message:
     * "the annotations of class `Settings` are evaluated at runtime (a subclass of `pydantic.BaseModel`)"; empty
     * when no library reads them.
     */
    public Optional<String> evaluatedAnnotations(Scope owner, PythonFile file) {
        String what = owner.kind() == Scope.Kind.CLASS ? "class" : "function";
        return reason(owner, file).map(r -> "the annotations of " + what + " `" + owner.qualifiedName()
                + "` are evaluated at runtime (" + r + ")");
    }

    /** The configured entry that makes this owner's annotations runtime-evaluated, or empty. */
    private Optional<String> reason(Scope owner, PythonFile file) {
        for (String d : owner.decorators()) {
            String q = qualify(d, file);
            if (decorators.contains(q)) {
                return Optional.of("decorated with `" + q + "`");
            }
            if (owner.kind() == Scope.Kind.FUNCTION && d.endsWith(".register")) {
                return Optional.of("a singledispatch `" + d + "` implementation");
            }
        }
        if (owner.kind() == Scope.Kind.CLASS) {
            return base(owner, file, new HashSet<>(), 0).map(b -> "a subclass of `" + b + "`");
        }
        return Optional.empty();
    }

    private Optional<String> base(Scope cls, PythonFile file, Set<String> seen, int hops) {
        if (hops > MAX_HOPS) {
            return Optional.empty();
        }
        for (String written : cls.bases()) {
            if (written.isEmpty()) {
                continue;
            }
            String q = qualify(written, file);
            if (bases.contains(q)) {
                return Optional.of(q);
            }
            if (!seen.add(q)) {
                continue;
            }
            Optional<String> found = definition(q, written, file)
                    .flatMap(def -> base(def.scope, def.file, seen, hops + 1));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private record ClassDef(Scope scope, PythonFile file) {
    }

    /** The first-party class a qualified base name refers to: in this file, or "pkg.mod.Cls" in another. */
    private Optional<ClassDef> definition(String qualified, String written, PythonFile file) {
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

    /** "BaseModel" after {@code from pydantic import BaseModel} gives "pydantic.BaseModel"; unbound names stay. */
    static String qualify(String written, PythonFile file) {
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
