package dev.lintgate.rules.imports;

import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.engine.Triggers;
import dev.lintgate.finding.Location;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Decorator;
import dev.lintgate.python.Definition;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.PythonFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every deprecated name of the project: the configured {@code [[deprecated]]} targets, first-party definitions
 * decorated with PEP 702 {@code @deprecated("...")}, and first-party modules that re-export any of them at runtime
 * (followed to a fixpoint, so shims of shims count). Shared by the deprecation rules.
 */
public final class Deprecations {
    public static final ProjectModel.Fact<Deprecations> FACT = new ProjectModel.Fact<>("deprecations", Deprecations::build);

    /** What the PEP 702 decorator is called wherever it lives. */
    private static final Set<String> PEP702 = Set.of("warnings.deprecated", "typing_extensions.deprecated");

    private final Map<String, Deprecation> byName;

    private Deprecations(Map<String, Deprecation> byName) {
        this.byName = Map.copyOf(byName);
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public Collection<Deprecation> all() {
        return byName.values();
    }

    /** The words at least one of which a file must contain to import any deprecated name. */
    public Set<String> words() {
        Set<String> words = new TreeSet<>();
        for (Deprecation d : byName.values()) {
            words.add(d.lastSegment());
            // a star import names only the module
            if (!d.parent().isEmpty()) words.add(d.parent().substring(d.parent().lastIndexOf('.') + 1));
        }
        return words;
    }

    /**
     * The deprecation an import brings in at runtime, if any: its target is a deprecated name, lies inside a
     * deprecated module, or is a star import of a module that holds a deprecated public name.
     */
    public Optional<Deprecation> match(ImportBinding binding) {
        String target = binding.target();
        if (target == null) return Optional.empty();
        if (binding.isStar()) {
            String module = target.substring(0, target.length() - 2);
            Optional<Deprecation> moduleItself = enclosing(module);
            if (moduleItself.isPresent()) return moduleItself;
            return byName.values().stream()
                    .filter(d -> d.parent().equals(module) && !d.lastSegment().startsWith("_"))
                    .min((a, b) -> a.name().compareTo(b.name()));
        }
        return enclosing(target);
    }

    /** The name itself or its nearest deprecated dotted parent (a submodule of a deprecated module). */
    private Optional<Deprecation> enclosing(String name) {
        String n = name;
        while (true) {
            Deprecation d = byName.get(n);
            if (d != null) return Optional.of(d);
            int dot = n.lastIndexOf('.');
            if (dot < 0) return Optional.empty();
            n = n.substring(0, dot);
        }
    }

    private static Deprecations build(ProjectModel project) {
        Map<String, Deprecation> byName = new LinkedHashMap<>();
        for (DeprecatedTarget t : project.config().deprecated()) {
            byName.putIfAbsent(t.name(), new Deprecation(t.name(), t, null));
        }
        addDecorated(project, byName);
        addReexports(project, byName);
        return new Deprecations(byName);
    }

    private static void addDecorated(ProjectModel project, Map<String, Deprecation> byName) {
        Triggers decorator = new Triggers(List.of("deprecated("));
        for (String path : project.pythonFiles()) {
            Optional<byte[]> bytes = project.bytes(path);
            if (bytes.isEmpty() || !decorator.foundIn(bytes.get())) continue;
            PythonFile file = parse(project, path, bytes.get());
            if (file.moduleName() == null || file.isStub()) continue;
            for (Definition def : file.definitions()) {
                if (!def.moduleLevel()) continue;
                for (Decorator dec : def.decorators()) {
                    if (!PEP702.contains(resolve(file, dec.dottedName()))) continue;
                    String name = file.moduleName() + "." + def.name();
                    String message = dec.firstStringArgument();
                    byName.putIfAbsent(name, new Deprecation(name, new DeprecatedTarget(name, null, message, true,
                            new Location(path, def.nameRegion())), null));
                }
            }
        }
    }

    /** Resolves a decorator's first segment through the file's imports ("te.deprecated" to "typing_extensions.deprecated"). */
    private static String resolve(PythonFile file, String dotted) {
        int dot = dotted.indexOf('.');
        String head = dot < 0 ? dotted : dotted.substring(0, dot);
        String rest = dot < 0 ? "" : dotted.substring(dot);
        for (ImportBinding b : file.imports()) {
            if (head.equals(b.boundName()) && b.target() != null) {
                // `import a.b` binds `a`, which stands for module a, not a.b
                String base = b.name() == null && b.boundName().equals(b.module().split("\\.")[0]) ? b.boundName() : b.target();
                return base + rest;
            }
        }
        return dotted;
    }

    /** Adds first-party module-level runtime re-exports until nothing new appears. */
    private static void addReexports(ProjectModel project, Map<String, Deprecation> byName) {
        Set<String> scanned = new HashSet<>();
        Set<String> words = new TreeSet<>();
        boolean changed = !byName.isEmpty();
        while (changed) {
            changed = false;
            Set<String> newWords = new Deprecations(byName).words();
            newWords.removeAll(words);
            words.addAll(newWords);
            Triggers fresh = new Triggers(newWords);
            List<PythonFile> candidates = new ArrayList<>();
            for (String path : project.pythonFiles()) {
                if (scanned.contains(path)) {
                    project.python(path).ifPresent(candidates::add);
                    continue;
                }
                Optional<byte[]> bytes = project.bytes(path);
                if (bytes.isEmpty() || newWords.isEmpty() || !fresh.foundIn(bytes.get())) continue;
                scanned.add(path);
                candidates.add(parse(project, path, bytes.get()));
            }
            Deprecations current = new Deprecations(byName);
            for (PythonFile file : candidates) {
                if (file.moduleName() == null || file.isStub()) continue;
                for (ImportBinding b : file.imports()) {
                    if (!b.isRuntime() || !b.scope().isEmpty()) continue;
                    Optional<Deprecation> d = current.match(b);
                    if (d.isEmpty()) continue;
                    Location via = new Location(file.path(), b.region());
                    List<String> exported = new ArrayList<>();
                    if (b.isStar()) {
                        for (Deprecation each : byName.values()) {
                            if (each.parent().equals(b.target().substring(0, b.target().length() - 2))) exported.add(each.lastSegment());
                        }
                    } else {
                        exported.add(b.boundName());
                    }
                    for (String name : exported) {
                        String shimName = file.moduleName() + "." + name;
                        if (!byName.containsKey(shimName)) {
                            byName.put(shimName, new Deprecation(shimName, d.get().origin(), via));
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    private static PythonFile parse(ProjectModel project, String path, byte[] bytes) {
        return project instanceof Project p ? p.parse(path, bytes) : project.python(path).orElseThrow();
    }
}
