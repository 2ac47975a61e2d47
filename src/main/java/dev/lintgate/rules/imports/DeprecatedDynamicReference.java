package dev.lintgate.rules.imports;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.python.Binding;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.StringArgument;
import dev.lintgate.rules.Evaluation;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.RuntimeEvaluatedClasses;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LG104: a deprecated target reached without an import statement naming it: a dotted string given to
 * importlib/pkgutil/mock.patch, or an attribute read through a module binding ({@code sm.DatabaseSessionManager})
 * where it is evaluated at runtime, as the name rules decide it ({@link Evaluation}, {@link RuntimeEvaluatedClasses}).
 */
public final class DeprecatedDynamicReference implements DeprecationRule {
    private static final Set<String> MODULE_PATH_CALLS = Set.of("import_module", "__import__", "resolve_name",
            "find_spec", "import_string", "patch");

    @Override
    public String code() {
        return "LG104";
    }


    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        Deprecations deprecations = project.fact(Deprecations.FACT);
        if (deprecations.isEmpty() || !mayReachDynamically(file, deprecations, project)) return;
        Names names = file.names();
        ExpectedUses expected = new ExpectedUses(project, deprecations);
        for (StringArgument arg : names.stringArguments()) {
            String path = path(arg, file, arg.scope().resolve(arg.receiver() == null ? "" : arg.receiver()));
            if (path == null) continue;
            Optional<Deprecation> match = deprecations.matchPath(path);
            if (match.isEmpty()) continue;
            Deprecation d = match.get();
            Region region = names.region(arg.start(), arg.end());
            if (expected.ofReference(file, d, arg.scope().qualifiedName(), region.startLine())) continue;
            String written = arg.index() == 0 && arg.value().equals(d.origin().name()) ? arg.value() : call(arg);
            String sentence = sentence(written, "passed to `" + arg.callee() + "()`", d, arg.when());
            report(file, region, d, sentence, false, sink);
        }
        // an attribute chain reaches a deprecated name only through an import whose target starts with the same
        // first segment; the answer per import binding is kept for the file, whose uses read the same few again
        Map<Binding, String> targets = null;
        RuntimeEvaluatedClasses libraries = null;
        List<NameUse> uses = names.uses();
        for (int i = 0; i < uses.size(); i++) {
            NameUse use = uses.get(i);
            if (use.chainEnd() < 0) continue;
            boolean evaluated = Evaluation.isEvaluated(use, file, project);
            // an annotation Python defers (PEP 563, PEP 649) may still be read when its class or function is defined,
            // by a library that builds on the annotations (pydantic, singledispatch): asked only after a match
            boolean libraryMayRead = use.use() == NameUse.Use.ANNOTATION && use.owner() != null && !use.typingBlock();
            if (!evaluated && !libraryMayRead) continue;
            String dotted = null;
            List<Binding> bound = use.scope().resolve(use.name());
            for (int j = 0; j < bound.size(); j++) {
                Binding b = bound.get(j);
                if (b.kind() != Binding.Kind.IMPORT || b.typingOnly()) continue;
                if (targets == null) targets = new IdentityHashMap<>();
                String target = targets.get(b);
                if (target == null) {
                    target = reachableTarget(file, b, deprecations);
                    targets.put(b, target);
                }
                if (target == UNREACHABLE) continue;
                if (dotted == null) dotted = names.dotted(use);
                String full = ModulePaths.isPlainImportOfHead(b) ? dotted : target + dotted.substring(use.name().length());
                Optional<Deprecation> match = deprecations.matchPath(full);
                if (match.isPresent()) {
                    String library = null;
                    if (libraryMayRead) {
                        if (libraries == null) libraries = new RuntimeEvaluatedClasses(project);
                        library = libraries.evaluatedAnnotations(use.owner(), file).orElse(null);
                    }
                    if (!evaluated && library == null) break;
                    Deprecation d = match.get();
                    Region region = names.region(use.start(), use.chainEnd());
                    if (expected.ofReference(file, d, use.scope().qualifiedName(), region.startLine())) break;
                    // deferring the annotations helps only where Python is the one evaluating them
                    boolean deferrable = library == null && evaluated && use.use() == NameUse.Use.ANNOTATION;
                    String sentence = sentence(dotted, "used", d, use.when());
                    if (!evaluated) sentence += ", because " + library;
                    report(file, region, d, sentence, deferrable, sink);
                    break;
                }
            }
        }
    }

    /** The names of {@link #MODULE_PATH_CALLS}: a file that never spells one passes no module path to such a call. */
    private static final Triggers CALL_NAMES = Triggers.names(MODULE_PATH_CALLS);

    /**
     * False when this file can hold no finding, decided from its import statements and bytes before its name model
     * is built: the engine's first pass released the file, so the model costs a second tokenizing. A finding needs
     * a call that takes a module path, or an import through which an attribute chain reaches a deprecated name
     * (as {@link #reachableTarget} decides), and such a chain spells the deprecated name's last segment as an
     * attribute: right after a dot.
     */
    private static boolean mayReachDynamically(PythonFile file, Deprecations deprecations, ProjectModel project) {
        byte[] bytes = project.bytes(file.path()).orElse(null);
        if (bytes == null || CALL_NAMES.foundIn(bytes)) return true;
        Set<String> searched = new java.util.HashSet<>();
        for (ImportBinding b : file.imports()) {
            if (b.target() == null) return true;
            // `import a.b.c` binds `a`: a chain read through it starts from `a`
            boolean head = b.isStar() || b.level() == 0 && b.name() == null && b.boundName().equals(ModulePaths.head(b.module()));
            for (String word : deprecations.wordsInside(head ? ModulePaths.head(b.target()) : b.target())) {
                if (searched.add(word) && spelledAsAttribute(bytes, word)) return true;
            }
        }
        return false;
    }

    /**
     * Whether the bytes hold the name as an attribute: after a dot, blanks between allowed. A name that starts its
     * line counts too, since the dot may end the line before (after a backslash, or inside brackets where a comment
     * can come between).
     */
    static boolean spelledAsAttribute(byte[] bytes, String name) {
        for (int at = Triggers.indexOfName(bytes, name, 0); at >= 0; at = Triggers.indexOfName(bytes, name, at + 1)) {
            int before = at - 1;
            while (before >= 0 && (bytes[before] == ' ' || bytes[before] == '\t' || bytes[before] == '\f')) before--;
            if (before < 0 || bytes[before] == '.' || bytes[before] == '\n' || bytes[before] == '\r') return true;
        }
        return false;
    }

    /** An import binding no attribute read through can reach a deprecated name. */
    private static final String UNREACHABLE = new String("unreachable");

    /**
     * The absolute target of an import binding when a chain read through it may name a deprecated attribute, else
     * {@link #UNREACHABLE}. Such a chain's path starts with the target's first segment, in either spelling.
     */
    private static String reachableTarget(PythonFile file, Binding b, Deprecations deprecations) {
        String target = ModulePaths.absolute(file, b.imported());
        if (target == null || !deprecations.mayHoldUnder(target)) return UNREACHABLE;
        // the import itself is LG101's finding; only a deeper attribute is reached dynamically
        if (deprecations.matchPath(target).isPresent()) return UNREACHABLE;
        return target;
    }

    /** The dotted path a string argument names, or null when the call does not take one there. */
    private static String path(StringArgument arg, PythonFile file, List<Binding> receiver) {
        String callee = arg.callee();
        String last = callee.substring(callee.lastIndexOf('.') + 1);
        if (arg.index() == 0 && MODULE_PATH_CALLS.contains(last) && !arg.value().startsWith(".")) {
            return arg.value().replace(':', '.');
        }
        if (arg.index() == 1 && callee.endsWith("patch.object") && !receiver.isEmpty()) {
            Binding b = receiver.get(0);
            if (b.kind() != Binding.Kind.IMPORT) return null;
            String target = ModulePaths.absolute(file, b.imported());
            return target == null ? null : target + "." + arg.value();
        }
        return null;
    }

    /** The call as written, up to the string: {@code mock.patch("a.B")}, {@code mock.patch.object(sm, "B")}. */
    private static String call(StringArgument arg) {
        String receiver = arg.index() == 1 && arg.receiver() != null ? arg.receiver() + ", " : "";
        return arg.callee() + "(" + receiver + "\"" + arg.value() + "\")";
    }

    /**
     * "Deprecated `a.B` is used at import time" where the code spells the deprecated name itself (the name is not
     * repeated), else "`sm.B` refers to deprecated `a.B`, used when `f()` is called" (an alias, a re-export, a call).
     */
    private static String sentence(String written, String how, Deprecation d, String when) {
        String name = d.origin().name();
        if (written.equals(name)) return "Deprecated `" + name + "` is " + how + " " + when;
        return "`" + written + "` refers to deprecated `" + name + "`, used " + when;
    }

    /**
     * @param sentence   the finding without its full stop; the entry's own message follows it
     * @param deferrable an annotation only Python evaluates, which {@code from __future__ import annotations} defers
     */
    private static void report(PythonFile file, Region region, Deprecation d, String sentence, boolean deferrable,
                               FindingSink sink) {
        sink.report(new Location(file.path(), region), d.explained(sentence + "."), fixHint(d, deferrable),
                d.origin().name(), List.of(), null);
    }

    private static String fixHint(Deprecation d, boolean deferrable) {
        String replacement = d.origin().replacement();
        String fix = replacement != null ? "Refer to `" + replacement + "` instead" : "Remove the reference";
        return fix + (deferrable ? ", or add `from __future__ import annotations` so the annotation is not evaluated." : ".");
    }
}
