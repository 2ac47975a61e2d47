package dev.lintgate.pytest;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.python.CallSites;
import dev.lintgate.python.Definition;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.ModuleNames;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.StringArgument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which test modules the runs a repository defines ({@link DefinedRuns}) collect: a module is collected when some
 * run imports it as a test module and finds tests in it, or when a module some run imports takes its tests in
 * (a star import, directly or through a package's star imports; importing a test by name; subclassing one of its
 * test classes), as pytest collects what a module's namespace holds. Test modules are the files some config's
 * {@code python_files} (or pytest's default) names that define tests; helpers are not.
 */
public final class TestCollection {

    private static final Triggers DYNAMIC_IMPORT = new Triggers(List.of("__import__", "import_module"));

    private final ProjectModel project;
    private final PytestConfigModel config;
    private final MarkerModel markers;
    private final List<DefinedRuns.Run> runs;
    private final List<DefinedRuns.Run> unknown;
    private final Map<String, Boolean> imported = new ConcurrentHashMap<>();
    // per directory: the runs whose recursion reaches it (most modules share their directory with others)
    private final Map<String, List<DefinedRuns.Run>> reaching = new ConcurrentHashMap<>();
    private Map<String, List<String>> starImporters;
    private Map<String, List<Importer>> importers;
    private Map<String, List<DefinedRuns.Run>> namingFiles;

    /** A module-level import of a module, or of a name from it, in {@code file}. */
    private record Importer(String file, String name) {
    }

    TestCollection(ProjectModel project, PytestConfigModel config) {
        this.project = project;
        this.config = config;
        this.markers = config.markers();
        DefinedRuns defined = config.definedRuns();
        this.runs = defined.runs().stream().filter(r -> r.run() != null && r.notUnderstood() == null).toList();
        this.unknown = defined.notUnderstood();
    }

    /** The runs whose collection lintgate cannot know: while there is one, no module can be said uncollected. */
    public List<DefinedRuns.Run> unknownRuns() {
        return unknown;
    }

    /** The runs every claim rests on. */
    public List<DefinedRuns.Run> runs() {
        return runs;
    }

    /** Whether the file is a test module: named as some config's python_files says, and defining tests. */
    public boolean isTestModule(String module) {
        if (!markers.testModules().contains(module)) return false;
        if (markers.definesTests(module, null)) return true;
        for (DefinedRuns.Run r : runs) {
            if (r.run().error().isEmpty() && markers.definesTests(module, r.run())) return true;
        }
        return false;
    }

    /** The runs that import the file as a test module, whatever it defines. */
    public List<DefinedRuns.Run> importing(String module) {
        List<DefinedRuns.Run> out = new ArrayList<>();
        for (DefinedRuns.Run r : reaching.computeIfAbsent(PytestConfigModel.dirOf(module), this::reach)) {
            if (NamePatterns.fileMatches(module, MarkerModel.patterns(r.run(), "python_files", NamePatterns.DEFAULT_FILES))) out.add(r);
        }
        for (DefinedRuns.Run r : namingFiles().getOrDefault(module, List.of())) {
            if (!out.contains(r)) out.add(r);
        }
        return out;
    }

    /** By file: the runs that name it as a path. */
    private synchronized Map<String, List<DefinedRuns.Run>> namingFiles() {
        if (namingFiles == null) {
            namingFiles = new HashMap<>();
            for (DefinedRuns.Run r : runs) {
                if (r.run().error().isPresent()) continue;
                for (List<String> roots : List.of(r.run().collectionRoots(), r.run().ambiguousRoots())) {
                    for (String root : roots) {
                        if (config.discovery().tree().isFile(root)) namingFiles.computeIfAbsent(root, k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        return namingFiles;
    }

    private List<DefinedRuns.Run> reach(String dir) {
        return runs.stream().filter(r -> config.reachesDirectory(r.run(), dir, true)).toList();
    }

    /**
     * Whether the module's tests are collected from the module itself, or it is no test module at all, as far as
     * its name tells: a run that looks for pytest's default test names imports it. Settled without reading it.
     */
    public boolean settledByName(String module) {
        for (DefinedRuns.Run r : importing(module)) {
            if (MarkerModel.defaultTestNames(r.run())) return true;
        }
        return false;
    }

    /** The runs that collect the module's tests from the module itself. */
    public List<DefinedRuns.Run> collecting(String module) {
        List<DefinedRuns.Run> out = new ArrayList<>();
        for (DefinedRuns.Run r : importing(module)) {
            if (markers.definesTests(module, r.run())) out.add(r);
        }
        return out;
    }

    /** A module some run imports that takes in the module's tests, if any. */
    public Optional<String> collectedThrough(String module) {
        Optional<PythonFile> file = project.python(module);
        if (file.isEmpty()) return Optional.empty();
        Set<String> tests = testNames(file.get());
        if (tests.isEmpty()) return Optional.empty();
        // every module whose namespace holds the module's public names: itself and its star importers, transitively
        Set<String> reach = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        reach.add(module);
        todo.add(module);
        while (!todo.isEmpty()) {
            String m = todo.poll();
            for (String f : starImporters().getOrDefault(m, List.of())) {
                if (!f.equals(module) && importedAsTests(f)) return Optional.of(f);
                if (reach.add(f)) todo.add(f);
            }
        }
        for (String m : reach) {
            for (Importer i : importers().getOrDefault(m, List.of())) {
                if (i.file().equals(module) || !importedAsTests(i.file())) continue;
                if (i.name() != null && tests.contains(i.name())) return Optional.of(i.file());
                if (i.name() == null && subclassesOneOf(i.file(), tests)) return Optional.of(i.file());
            }
        }
        return Optional.empty();
    }

    /** Whether some run imports the file as a test module. */
    private boolean importedAsTests(String file) {
        return imported.computeIfAbsent(file, f -> !importing(f).isEmpty());
    }

    /** The module-level functions and classes of a module that hold tests, under any run's names or pytest's. */
    private Set<String> testNames(PythonFile file) {
        Set<String> out = new LinkedHashSet<>();
        List<List<String>> functions = new ArrayList<>();
        List<List<String>> classes = new ArrayList<>();
        functions.add(NamePatterns.DEFAULT_FUNCTIONS);
        classes.add(NamePatterns.DEFAULT_CLASSES);
        for (DefinedRuns.Run r : runs) {
            functions.add(MarkerModel.patterns(r.run(), "python_functions", NamePatterns.DEFAULT_FUNCTIONS));
            classes.add(MarkerModel.patterns(r.run(), "python_classes", NamePatterns.DEFAULT_CLASSES));
        }
        for (Definition d : file.definitions()) {
            if (d.kind() != Definition.Kind.FUNCTION) continue;
            boolean test = d.name().startsWith("test") || functions.stream().anyMatch(p -> NamePatterns.nameMatches(d.name(), p));
            if (!test) continue;
            if (d.moduleLevel()) {
                out.add(d.name());
            } else if (d.enclosing() != null && d.enclosing().moduleLevel() && d.enclosing().kind() == Definition.Kind.CLASS) {
                out.add(d.enclosing().name());
            }
        }
        for (Definition d : file.definitions()) {
            if (d.kind() == Definition.Kind.CLASS && d.moduleLevel() && classes.stream().anyMatch(p -> NamePatterns.nameMatches(d.name(), p))) {
                out.add(d.name());
            }
        }
        return out;
    }

    /** Whether a class of the file has a base written as one of the names, or as an attribute ending in one. */
    private boolean subclassesOneOf(String path, Set<String> names) {
        Optional<byte[]> bytes = project.bytes(path);
        if (bytes.isEmpty()) return false;
        for (CallSites.ClassHeader c : CallSites.of(bytes.get()).classes()) {
            for (CallSites.Argument b : c.bases()) {
                if (b.keyword() != null || b.star() != 0) continue;
                String last = b.text().substring(b.text().lastIndexOf('.') + 1).strip();
                if (names.contains(last)) return true;
            }
        }
        return false;
    }

    /** By file: the files that star-import it. */
    private synchronized Map<String, List<String>> starImporters() {
        if (starImporters == null) buildIndex();
        return starImporters;
    }

    /** By file: the files that import it as a module, or import a name from it ({@code name} set), at module level. */
    private synchronized Map<String, List<Importer>> importers() {
        if (importers == null) buildIndex();
        return importers;
    }

    /**
     * The project files an import of a dotted name may mean: the module lintgate resolves it to, or else every file
     * whose path ends in those names ({@code sqlalchemy.testing} is {@code lib/sqlalchemy/testing/__init__.py}
     * when {@code lib} is on the path). Taking more files than Python would only ever collect more.
     */
    private List<String> filesOf(String module, Map<String, List<String>> bySuffix) {
        Optional<String> exact = project.moduleFile(module);
        if (exact.isPresent()) return List.of(exact.get());
        return bySuffix.getOrDefault(module, List.of());
    }

    private Map<String, List<String>> suffixIndex() {
        Map<String, List<String>> out = new HashMap<>();
        for (String f : project.pythonFiles()) {
            if (!f.endsWith(".py")) continue;
            String name = ModuleNames.moduleName(f, List.of("."));
            if (name == null) continue;
            for (int dot = -1; dot < name.length(); dot = name.indexOf('.', dot + 1)) {
                out.computeIfAbsent(name.substring(dot + 1), k -> new ArrayList<>(1)).add(f);
                if (name.indexOf('.', dot + 1) < 0) break;
            }
        }
        return out;
    }

    private void buildIndex() {
        Map<String, List<String>> bySuffix = suffixIndex();
        Map<String, List<String>> stars = new HashMap<>();
        Map<String, List<Importer>> byFile = new HashMap<>();
        for (String f : project.pythonFiles()) {
            if (!f.endsWith(".py")) continue;
            Optional<PythonFile> file = project.python(f);
            if (file.isEmpty()) continue;
            for (ImportBinding b : file.get().imports()) {
                if (b.target() == null || b.inFunction()) continue;
                if (b.isStar()) {
                    for (String t : filesOf(b.target().substring(0, b.target().length() - 2), bySuffix)) {
                        stars.computeIfAbsent(t, k -> new ArrayList<>()).add(f);
                    }
                    continue;
                }
                if (b.name() != null) {
                    for (String t : filesOf(b.target().substring(0, b.target().lastIndexOf('.')), bySuffix)) {
                        byFile.computeIfAbsent(t, k -> new ArrayList<>()).add(new Importer(f, b.name()));
                    }
                }
                for (String t : filesOf(b.target(), bySuffix)) byFile.computeIfAbsent(t, k -> new ArrayList<>()).add(new Importer(f, null));
            }
            if (project.bytes(f).map(DYNAMIC_IMPORT::foundIn).orElse(false)) {
                for (StringArgument a : file.get().names().stringArguments()) {
                    boolean importing = a.index() == 0 && (a.callee().endsWith("import_module") || a.callee().equals("__import__"));
                    if (!importing) continue;
                    for (String t : filesOf(a.value(), bySuffix)) byFile.computeIfAbsent(t, k -> new ArrayList<>()).add(new Importer(f, null));
                }
            }
        }
        starImporters = stars;
        importers = byFile;
    }
}
