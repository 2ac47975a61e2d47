package dev.lintgate.rules.imports;

import dev.lintgate.project.PackageRoots;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Decorator;
import dev.lintgate.python.Definition;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.WarningBlock;
import dev.lintgate.rules.ClassHierarchy;
import java.util.List;
import java.util.Set;

/**
 * Where a use of a deprecated name is expected, so the deprecation rules do not report it. javac's rule for
 * {@code @Deprecated} (JLS 9.6.4.6), in Python's terms:
 * <ul>
 *   <li>inside something itself deprecated: a def or class decorated with PEP 702 {@code @deprecated}, a def, class or
 *       module that is a deprecated target itself, or a module whose {@code __all__} lists only its own
 *       {@code @deprecated} definitions (everything it offers is deprecated, so its own code serves only that);</li>
 *   <li>where warnings are caught or expected: the body of {@code with warnings.catch_warnings()},
 *       {@code pytest.deprecated_call()}, {@code pytest.warns(C)} or {@code assertWarns(C)} (and their call forms)
 *       for a class C that holds deprecation warnings, and a test or test class marked
 *       {@code @pytest.mark.filterwarnings("ignore::C")} for one;</li>
 *   <li>for a target found from a PEP 702 decorator (not a configured one): the defining project's own tests and
 *       documentation under the same package root, and the {@code __init__.py} of a package around the defining
 *       module importing it at module level: the package offering its own API.</li>
 * </ul>
 * Asked only about uses that match a deprecated name, so nothing here runs for most files.
 */
final class ExpectedUses {
    /** The standard categories of deprecation warnings (PEP 702's default is the first). */
    private static final Set<String> DEPRECATION_CATEGORIES = Set.of("DeprecationWarning", "PendingDeprecationWarning",
            "FutureWarning", "builtins.DeprecationWarning", "builtins.PendingDeprecationWarning", "builtins.FutureWarning");
    /** Filtering or expecting one of these covers a deprecation warning; Warning holds every category. */
    private static final Set<String> COVERING = Set.of("Warning", "builtins.Warning", "DeprecationWarning",
            "PendingDeprecationWarning", "FutureWarning", "builtins.DeprecationWarning",
            "builtins.PendingDeprecationWarning", "builtins.FutureWarning");
    private static final Set<String> CATCHING = Set.of("warnings.catch_warnings", "pytest.deprecated_call",
            "_pytest.recwarn.deprecated_call");
    private static final Set<String> PYTEST_WARNS = Set.of("pytest.warns", "_pytest.recwarn.warns");
    private static final Set<String> UNITTEST_WARNS = Set.of("assertWarns", "assertWarnsRegex");
    private static final String FILTERWARNINGS = "pytest.mark.filterwarnings";
    /** Where a project keeps its tests and its documentation's code, rather than what it ships. */
    private static final Set<String> TESTS_AND_DOCS = Set.of("tests", "test", "docs", "doc", "docs_src", "examples",
            "example");
    /** pytest's actions in the order {@code warnings._getaction} tries them: an abbreviation means the first it begins. */
    private static final List<String> ACTIONS = List.of("default", "always", "all", "ignore", "module", "once", "error");

    private final ProjectModel project;
    private final Deprecations deprecations;
    private ClassHierarchy hierarchy;
    /** {@link #offersOnlyDeprecated} for the last file asked: a rule asks about one file at a time. */
    private String offeringFile;
    private boolean offersOnlyDeprecated;

    ExpectedUses(ProjectModel project, Deprecations deprecations) {
        this.project = project;
        this.deprecations = deprecations;
    }

    /** Whether this import of the deprecated name is expected where it stands. */
    boolean ofImport(PythonFile file, ImportBinding b, Deprecation d) {
        if (d.isDecorated() && b.scope().isEmpty() && file.isPackage() && file.moduleName() != null
                && d.origin().name().startsWith(file.moduleName() + ".")) {
            return true;
        }
        return at(file, d, b.scope(), b.statementLine());
    }

    /**
     * Whether a reference to the deprecated name is expected where it stands.
     *
     * @param scope the qualified name of the def or class it is in ("A.f"), "" at module level
     */
    boolean ofReference(PythonFile file, Deprecation d, String scope, int line) {
        return at(file, d, scope, line);
    }

    private boolean at(PythonFile file, Deprecation d, String scope, int line) {
        return d.isDecorated() && inOwnTestsOrDocs(file, d) || insideDeprecated(file, scope, line)
                || warningsCaught(file, line);
    }

    /** The file is a test or documentation file of the project that defines the decorated target. */
    private boolean inOwnTestsOrDocs(PythonFile file, Deprecation d) {
        PackageRoots roots = project.fact(PackageRoots.FACT);
        String root = roots.rootOf(file.path());
        if (!root.equals(roots.rootOf(d.origin().location().path()))) return false;
        String inProject = root.isEmpty() ? file.path() : file.path().substring(root.length() + 1);
        String[] parts = inProject.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (TESTS_AND_DOCS.contains(parts[i])) return true;
        }
        String name = parts[parts.length - 1];
        // pytest's default python_files, and its per-directory plugins
        return name.startsWith("test_") && name.endsWith(".py") || name.endsWith("_test.py") || name.equals("conftest.py");
    }

    private boolean insideDeprecated(PythonFile file, String scope, int line) {
        String module = file.moduleName();
        if (module != null && (isTarget(module) || offersOnlyDeprecated(file))) return true;
        if (scope.isEmpty()) return false;
        for (Definition def = definitionAt(file, scope, line); def != null; def = def.enclosing()) {
            if (module != null && isTarget(module + "." + def.qualifiedName())) return true;
            for (Decorator dec : def.decorators()) {
                String q = Deprecations.resolve(file, dec.dottedName());
                if (Deprecations.PEP702.contains(q)) return true;
                if (q.equals(FILTERWARNINGS) && ignoresDeprecation(file, dec.firstStringArgument())) return true;
            }
        }
        return false;
    }

    /** A deprecated target itself or inside one, not a re-export of one. */
    private boolean isTarget(String dotted) {
        return deprecations.matchPath(dotted).filter(d -> !d.isReexport()).isPresent();
    }

    /** A module whose {@code __all__} names only definitions it decorates with {@code @deprecated}. */
    private boolean offersOnlyDeprecated(PythonFile file) {
        Set<String> declared = deprecations.declaredIn(file.path());
        if (declared.isEmpty()) return false;
        if (!file.path().equals(offeringFile)) {
            List<String> all = file.bindings().dunderAll();
            offeringFile = file.path();
            offersOnlyDeprecated = !all.isEmpty() && declared.containsAll(all);
        }
        return offersOnlyDeprecated;
    }

    /** The def or class named {@code scope} whose body holds the line: the last such header at or before it. */
    private static Definition definitionAt(PythonFile file, String scope, int line) {
        String last = scope.substring(scope.lastIndexOf('.') + 1);
        Definition found = null;
        for (Definition def : file.definitions()) {
            if (def.nameRegion().startLine() > line) break;
            if (def.name().equals(last) && def.qualifiedName().equals(scope)) found = def;
        }
        return found;
    }

    private boolean warningsCaught(PythonFile file, int line) {
        for (WarningBlock w : file.warningBlocks()) {
            if (!w.covers(line)) continue;
            String callee = Deprecations.resolve(file, w.callee());
            if (CATCHING.contains(callee)) return true;
            boolean pytestWarns = PYTEST_WARNS.contains(callee);
            boolean unittest = callee.contains(".") && UNITTEST_WARNS.contains(callee.substring(callee.lastIndexOf('.') + 1));
            if (!pytestWarns && !unittest) continue;
            // pytest.warns() expects any Warning
            List<String> categories = pytestWarns && w.categories().isEmpty() ? List.of("Warning") : w.categories();
            for (String c : categories) {
                if (!c.equals(WarningBlock.UNKNOWN) && holdsDeprecation(file, c)) return true;
            }
        }
        return false;
    }

    /** Whether a warning class written in the file is Warning, a deprecation category, or derives from one. */
    private boolean holdsDeprecation(PythonFile file, String written) {
        String q = ClassHierarchy.qualify(written, file);
        if (COVERING.contains(q)) return true;
        return derivesFromDeprecation(q, written, file);
    }

    private boolean derivesFromDeprecation(String qualified, String written, PythonFile file) {
        if (hierarchy == null) hierarchy = new ClassHierarchy(project);
        return hierarchy.definition(qualified, written, file)
                .flatMap(c -> hierarchy.ancestorIn(c.scope(), c.file(), DEPRECATION_CATEGORIES)).isPresent();
    }

    /**
     * Whether a {@code filterwarnings} mark ignores deprecation warnings, read as pytest reads it
     * ({@code action:message:category:module:lineno}, fields stripped, an empty category meaning Warning, a bare one a
     * builtin, a dotted one imported). The message is not looked at: an ignore for some message of a deprecation
     * category still says the test deals with deprecations.
     */
    private boolean ignoresDeprecation(PythonFile file, String spec) {
        if (spec == null) return false;
        String[] parts = spec.split(":", -1);
        if (parts.length > 5) return false;
        String action = parts[0].strip();
        if (action.isEmpty() || !ACTIONS.stream().filter(a -> a.startsWith(action)).findFirst().orElse("").equals("ignore")) {
            return false;
        }
        String category = parts.length > 2 ? parts[2].strip() : "";
        if (category.isEmpty() || COVERING.contains(category)) return true;
        return category.contains(".") && derivesFromDeprecation(category, category, file);
    }
}
