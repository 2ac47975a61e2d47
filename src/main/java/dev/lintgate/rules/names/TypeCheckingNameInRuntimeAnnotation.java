package dev.lintgate.rules.names;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.Evaluation;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.RuntimeEvaluatedClasses;
import java.util.List;
import java.util.Optional;

/**
 * LG103: a typing-only name in an annotation that a library (pydantic, attrs, singledispatch, ...) evaluates at
 * runtime, quoted or deferred or not. Unquoted annotations that Python itself evaluates are LG102's.
 */
public final class TypeCheckingNameInRuntimeAnnotation implements TypingOnlyRule {

    @Override
    public String code() {
        return "LG103";
    }

    /** Stubs never run. */
    @Override
    public boolean checksStubs() {
        return false;
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        Names names = file.names();
        if (!TypingOnlyRule.hasTypingOnlyBinding(names)) {
            return;
        }
        RuntimeEvaluatedClasses classes = null;
        for (NameUse use : names.uses()) {
            if (use.owner() == null || use.typingBlock() || use.guarded()) {
                continue;
            }
            boolean pythonEvaluates = use.use() == NameUse.Use.ANNOTATION && Evaluation.annotationsAreEager(use, file, project);
            if (pythonEvaluates || (use.use() != NameUse.Use.ANNOTATION && use.use() != NameUse.Use.TYPING)) {
                continue;
            }
            if (!TypingOnlyRule.allTypingOnly(use.scope().resolve(use.name()))) {
                continue;
            }
            if (classes == null) {
                classes = new RuntimeEvaluatedClasses(project);
            }
            Optional<String> evaluated = classes.evaluatedAnnotations(use.owner(), file);
            if (evaluated.isEmpty()) {
                continue;
            }
            String message = "`" + use.name() + "` is only imported under TYPE_CHECKING, but " + evaluated.get() + ".";
            sink.report(new Location(file.path(), names.region(use)), message,
                    "Import `" + use.name() + "` at runtime.", use.name(), List.of(), null);
        }
    }
}
