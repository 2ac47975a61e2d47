package dev.lintgate.rules.names;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.python.ModuleNames;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FindingSink;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the project's files put into builtins ({@link Names#builtinsWrites}): IPython's {@code conftest.py} sets
 * {@code builtins.ip}, its shell {@code builtin_mod.__dict__['display']} through an alias. Once that code ran, every
 * module reads them without a binding, and they are not undefined. Which file runs first is not known here, so a
 * name written anywhere counts everywhere.
 *
 * <p>The answer needs every file, so the rules hold the findings it could cancel ({@link Held}) until the engine's
 * pass is over, and tell it what each file they built the name model of writes ({@link #take}): in a full run that
 * is every file, and nothing is read again (a second read of the standard library cost 0.4 s of a 3.7 s run).
 */
final class InjectedBuiltins {
    static final ProjectModel.Fact<InjectedBuiltins> FACT =
            new ProjectModel.Fact<>("injected builtins", p -> new InjectedBuiltins());

    /** Every way to reach the module spells it: {@code import builtins [as x]} or {@code __builtins__}. */
    private static final Triggers WORD = new Triggers(List.of("builtins"));

    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private Set<String> all;

    private InjectedBuiltins() {
    }

    /** A finding about {@code name}, to report unless some file puts the name into builtins. */
    record Held(String name, Location location, String message, String hint, List<Related> related, Severity severity) {
    }

    /** What a file whose name model a rule built during the pass writes into builtins. */
    void take(PythonFile file, Names names) {
        taken.add(file.path());
        written.addAll(names.builtinsWrites());
    }

    /** Reports the held findings whose name no file writes into builtins; from a rule's finish, after the pass. */
    static void report(ProjectModel project, Queue<Held> held, FindingSink sink) {
        if (held.isEmpty()) return;
        Set<String> injected = project.fact(FACT).all(project);
        for (Held h; (h = held.poll()) != null; ) {
            if (!injected.contains(h.name())) {
                sink.report(h.location(), h.message(), h.hint(), h.name(), h.related(), h.severity());
            }
        }
    }

    private synchronized Set<String> all(ProjectModel project) {
        if (all == null) {
            Set<String> out = new HashSet<>(written);
            // the files no rule took: outside the checked targets, or skipped before their name model was built
            project.pythonFiles().parallelStream()
                    .filter(path -> !taken.contains(path) && !ModuleNames.isStub(path)
                            && project.bytes(path).map(WORD::foundIn).orElse(false))
                    .flatMap(path -> project.python(path).stream())
                    // the writes are statements, which the bindings-only walk reads too
                    .map(file -> file.bindings().builtinsWrites())
                    .toList()
                    .forEach(out::addAll);
            all = Set.copyOf(out);
        }
        return all;
    }
}
