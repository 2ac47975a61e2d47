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
import dev.lintgate.rules.imports.ModulePaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the project's code puts where a module reads them without binding them itself: into builtins
 * ({@link Names#builtinsWrites}: IPython's {@code conftest.py} sets {@code builtins.ip}, its shell
 * {@code builtin_mod.__dict__['display']} through an alias), or into the module's own globals from another module
 * ({@link Names#moduleWrites}: sqlalchemy's {@code sqltypes} sets {@code type_api.NULLTYPE = NULLTYPE}, and
 * {@code type_api} reads {@code NULLTYPE} in its functions). Once that code ran the names exist. Which code runs first
 * is not known here, so a name written anywhere counts everywhere it can reach: in every module for builtins, in the
 * written module's global lookups otherwise.
 *
 * <p>The answer needs every file, so the rules hold the findings it could cancel ({@link Held}) until the engine's
 * pass is over, and tell it what each file they built the name model of writes ({@link #take}): in a full run that
 * is every file, and nothing is read again (a second read of the standard library cost 0.4 s of a 3.7 s run).
 */
final class InjectedNames {
    static final ProjectModel.Fact<InjectedNames> FACT = new ProjectModel.Fact<>("injected names", p -> new InjectedNames());

    /** Every way to reach the builtins module spells it: {@code import builtins [as x]} or {@code __builtins__}. */
    private static final List<String> BUILTINS_WORD = List.of("builtins");

    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final Set<String> builtins = ConcurrentHashMap.newKeySet();
    /** Module name to the names other modules write into it. */
    private final Map<String, Set<String>> intoModules = new ConcurrentHashMap<>();
    /** The words the files no rule took were searched for already. */
    private final Set<String> searched = new HashSet<>();

    private InjectedNames() {
    }

    /**
     * A finding about {@code name}, to report unless some file puts the name into builtins or, when the read looks
     * the name up in the globals of {@code module}, into that module.
     *
     * @param module the module whose globals the read reaches, or null when a local binding stops it first
     */
    record Held(String name, String module, Location location, String message, String hint, List<Related> related,
                Severity severity) {
    }

    /** What a file whose name model a rule built during the pass writes into builtins and other modules. */
    void take(PythonFile file, Names names) {
        taken.add(file.path());
        record(file, names);
    }

    private void record(PythonFile file, Names names) {
        builtins.addAll(names.builtinsWrites());
        for (Names.WrittenName w : names.moduleWrites()) {
            String imported = w.receiver().imported();
            String module = ModulePaths.absolute(file, ModulePaths.isPlainImportOfHead(w.receiver()) ? ModulePaths.head(imported) : imported);
            if (module != null) intoModules.computeIfAbsent(module, k -> ConcurrentHashMap.newKeySet()).add(w.name());
        }
    }

    /** Reports the held findings whose name no code injects; from a rule's finish, after the pass. */
    static void report(ProjectModel project, Queue<Held> held, FindingSink sink) {
        if (held.isEmpty()) return;
        InjectedNames injected = project.fact(FACT);
        List<Held> all = new ArrayList<>(held);
        held.clear();
        injected.complete(project, all);
        for (Held h : all) {
            if (!injected.injects(h)) {
                sink.report(h.location(), h.message(), h.hint(), h.name(), h.related(), h.severity());
            }
        }
    }

    private boolean injects(Held h) {
        return builtins.contains(h.name())
                || h.module() != null && intoModules.getOrDefault(h.module(), Set.of()).contains(h.name());
    }

    /**
     * Reads the files no rule took (outside the checked targets, or skipped before their name model was built) that
     * can write a held name: those spelling "builtins" or the name itself. Each rule's findings may hold other names,
     * so only words not searched for yet start a search.
     */
    private synchronized void complete(ProjectModel project, List<Held> held) {
        Set<String> words = new HashSet<>();
        if (searched.isEmpty()) words.addAll(BUILTINS_WORD);
        for (Held h : held) words.add(h.name());
        words.removeAll(searched);
        if (words.isEmpty()) return;
        searched.addAll(words);
        Triggers spelled = new Triggers(List.copyOf(words));
        project.pythonFiles().parallelStream()
                .filter(path -> !taken.contains(path) && !ModuleNames.isStub(path)
                        && project.bytes(path).map(spelled::foundIn).orElse(false))
                .flatMap(path -> project.python(path).stream())
                // the writes are statements, which the bindings-only walk reads too
                .forEach(file -> record(file, file.bindings()));
    }
}
