package dev.lintgate.rules;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a class or function has annotations a library evaluates at runtime: a base class in
 * {@code runtime-evaluated-base-classes} (followed through first-party base classes, {@link ClassHierarchy}), a
 * decorator in {@code runtime-evaluated-decorators}, or a singledispatch {@code @x.register}. Python's own deferral of annotations
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

    private final ClassHierarchy hierarchy;
    private final Set<String> bases;
    private final Set<String> decorators;

    public RuntimeEvaluatedClasses(ProjectModel project) {
        this.hierarchy = new ClassHierarchy(project);
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
            String q = ClassHierarchy.qualify(d, file);
            if (decorators.contains(q)) {
                return Optional.of("decorated with `" + q + "`");
            }
            if (owner.kind() == Scope.Kind.FUNCTION && d.endsWith(".register")) {
                return Optional.of("a singledispatch `" + d + "` implementation");
            }
        }
        if (owner.kind() == Scope.Kind.CLASS) {
            return hierarchy.ancestorIn(owner, file, bases).map(b -> "a subclass of `" + b + "`");
        }
        return Optional.empty();
    }
}
