package dev.lintgate.rules.names;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.Evaluation;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** LG102: a name bound only under TYPE_CHECKING (or another typing-only block) read where Python evaluates it. */
public final class TypeCheckingNameAtRuntime implements TypingOnlyRule {
    @Override
    public String code() {
        return "LG102";
    }

    /** Stubs never run. */
    @Override
    public boolean checksStubs() {
        return false;
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        // in a file that does not parse, the recovered statements around the error are guesses: LG001 reports it
        if (!file.syntaxProblems().isEmpty()) {
            return;
        }
        Names names = file.names();
        project.fact(InjectedNames.FACT).take(file, names);
        if (names.hasDynamicGlobals() || runtimeStarImport(names) || !TypingOnlyRule.hasTypingOnlyBinding(names)) {
            return;
        }
        for (NameUse use : names.uses()) {
            List<Binding> bindings = use.scope().resolve(use.name());
            if (!TypingOnlyRule.allTypingOnly(bindings) || use.guarded() || !Evaluation.isEvaluated(use, file, project)) {
                continue;
            }
            Binding first = bindings.get(0);
            String message = "`" + use.name() + "` is only " + (first.kind() == Binding.Kind.IMPORT ? "imported" : "defined")
                    + " under TYPE_CHECKING but used at runtime: NameError " + use.when() + ".";
            String hint = use.use() == NameUse.Use.ANNOTATION
                    ? "Quote the annotation, add `from __future__ import annotations`, or import `" + use.name() + "` at runtime."
                    : "Import `" + use.name() + "` outside the TYPE_CHECKING block.";
            // bindings found in the module's scope: a write from another module into this one binds the name too
            String module = bindings == use.scope().module().bindings(use.name()) ? file.moduleName() : null;
            held.add(new InjectedNames.Held(use.name(), module, new Location(file.path(), names.region(use)), message, hint,
                    List.of(new Related(new Location(file.path(), Region.line(first.line())), "bound for type checking only here")),
                    Evaluation.severity(use, project)));
        }
    }

    /** Findings until every file told what it puts into builtins; see {@link #finish}. */
    private final Queue<InjectedNames.Held> held = new ConcurrentLinkedQueue<>();

    @Override
    public void finish(ProjectModel project, FindingSink sink) {
        InjectedNames.report(project, held, sink);
    }

    /** A runtime star import may bind any name at runtime. */
    static boolean runtimeStarImport(Names names) {
        return names.module().bindings("*").stream().anyMatch(b -> !b.typingOnly());
    }
}
