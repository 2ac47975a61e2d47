package dev.lintgate.rules.imports;

import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.project.Triggers;
import dev.lintgate.finding.Location;
import dev.lintgate.project.FactCache;
import dev.lintgate.project.Stamp;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Survey;
import dev.lintgate.python.Decorator;
import dev.lintgate.python.Definition;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.SpelledNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Every deprecated name of the project: the configured {@code [[deprecated]]} targets, first-party definitions
 * decorated with PEP 702 {@code @deprecated("...")}, and first-party modules that re-export any of them at runtime
 * (followed to a fixpoint, so shims of shims count). Shared by the deprecation rules.
 */
public final class Deprecations {
    public static final ProjectModel.Fact<Deprecations> FACT = new ProjectModel.Fact<>("deprecations", Deprecations::build);

    /** What the PEP 702 decorator is called wherever it lives. */
    static final Set<String> PEP702 = Set.of("warnings.deprecated", "typing_extensions.deprecated");
    /** A deprecated overload deprecates one way of calling the function, not the function (PEP 702). */
    private static final Set<String> OVERLOAD = Set.of("typing.overload", "typing_extensions.overload");

    private final Map<String, Deprecation> byName;
    private final Set<String> candidateFiles;

    private Deprecations(Map<String, Deprecation> byName) {
        this(byName, Set.of());
    }

    private Deprecations(Map<String, Deprecation> byName, Set<String> candidateFiles) {
        this.byName = Map.copyOf(byName);
        this.candidateFiles = Set.copyOf(candidateFiles);
        Map<String, List<Deprecation>> children = new java.util.HashMap<>();
        Set<String> firstSegments = new HashSet<>();
        for (Deprecation d : byName.values()) {
            children.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d);
            firstSegments.add(ModulePaths.head(d.name()));
        }
        this.byParent = Map.copyOf(children);
        this.heads = Set.copyOf(firstSegments);
    }

    /** For each dotted path, the last segments of the deprecated names strictly inside it; built when first asked. */
    private volatile Map<String, Set<String>> wordsInside;

    /**
     * The last segments of the deprecated names that lie strictly inside this dotted path ("c" for "a.b.c" inside
     * "a" or "a.b"): an attribute chain read from the path reaches one only if the source spells that segment.
     */
    public Set<String> wordsInside(String dotted) {
        Map<String, Set<String>> inside = wordsInside;
        if (inside == null) {
            inside = new java.util.HashMap<>();
            for (Deprecation d : byName.values()) {
                String name = d.name();
                for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                    inside.computeIfAbsent(name.substring(0, dot), k -> new TreeSet<>()).add(d.lastSegment());
                }
            }
            wordsInside = inside;
        }
        return inside.getOrDefault(dotted, Set.of());
    }

    /** The last segments of the PEP 702 targets each file declares, by path; built when first asked. */
    private volatile Map<String, Set<String>> declared;

    /** The module-level names this file decorates with PEP 702 {@code @deprecated} (those the index holds). */
    public Set<String> declaredIn(String path) {
        Map<String, Set<String>> byPath = declared;
        if (byPath == null) {
            byPath = new java.util.HashMap<>();
            for (Deprecation d : byName.values()) {
                if (d.isDecorated() && !d.isReexport()) {
                    byPath.computeIfAbsent(d.origin().location().path(), k -> new HashSet<>()).add(d.lastSegment());
                }
            }
            declared = byPath;
        }
        return byPath.getOrDefault(path, Set.of());
    }

    /** The first dotted segment of every deprecated name. */
    private final Set<String> heads;

    /**
     * False when no deprecated name can lie under this dotted path or its attributes: none starts with the
     * path's first segment. A cheap test before {@link #matchPath} for paths that are mostly not deprecated.
     */
    public boolean mayHoldUnder(String dotted) {
        return heads.contains(ModulePaths.head(dotted));
    }

    /** What a star import of a module brings in ({@link StarExports}), by module, as far as asked. */
    private final Map<String, Optional<Set<String>>> starExports = new ConcurrentHashMap<>();

    /** Deprecated names by the module that holds them, for star imports. */
    private final Map<String, List<Deprecation>> byParent;

    /** The Python files that contain a word of some deprecated name: the only ones that can import one. */
    public Set<String> candidateFiles() {
        return candidateFiles;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public Collection<Deprecation> all() {
        return byName.values();
    }

    /**
     * The words at least one of which a file must contain to import any deprecated name: its last segment
     * (`from m import C`, `import m.C`, `from p import m`), and for star imports the star itself. A star import's
     * module name would do too, but short module names (`json`, `types`) occur in nearly every file.
     */
    public Set<String> words() {
        Set<String> words = new TreeSet<>();
        for (Deprecation d : byName.values()) words.add(d.lastSegment());
        if (!byName.isEmpty()) words.add(STAR);
        return words;
    }

    /** How every formatter (black, ruff format) and nearly every person writes a star import. */
    private static final String STAR = "import *";

    /**
     * The deprecation an import brings in at runtime, if any: its target is a deprecated name, lies inside a
     * deprecated module, or is a star import of a module that holds a deprecated public name.
     */
    public Optional<Deprecation> match(ImportBinding binding, ProjectModel project) {
        String target = binding.target();
        if (target == null) return Optional.empty();
        if (binding.isStar()) {
            String module = target.substring(0, target.length() - 2);
            Optional<Deprecation> moduleItself = enclosing(module);
            if (moduleItself.isPresent()) return moduleItself;
            return broughtByStar(module, project).stream().min((a, b) -> a.name().compareTo(b.name()));
        }
        return enclosing(target);
    }

    /**
     * The deprecated names {@code from module import *} binds: those its {@code __all__} lists when the module is
     * first-party (a shim's {@code __all__} usually leaves out what it imported for its own use), else the public ones.
     */
    private List<Deprecation> broughtByStar(String module, ProjectModel project) {
        List<Deprecation> inside = byParent.getOrDefault(module, List.of());
        if (inside.isEmpty()) return inside;
        // once per module: every file that star-imports a shim would otherwise walk the shim's names again
        Optional<Set<String>> exported = starExports.computeIfAbsent(module, m -> StarExports.of(m, project));
        return inside.stream().filter(d -> exported.isPresent() ? exported.get().contains(d.lastSegment())
                : !d.lastSegment().startsWith("_")).toList();
    }

    /** The deprecation a dotted runtime path ("a.b.C", "a.b.C.method") falls under, if any. */
    public Optional<Deprecation> matchPath(String dotted) {
        return enclosing(dotted);
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

    /**
     * Gathers the files that hold a word of the configured names (or the PEP 702 decorator call, or a star import)
     * while the engine reads every file; {@link #FACT} completes from what it took. One per project.
     */
    public static final ProjectModel.Fact<Gathering> SURVEY = new ProjectModel.Fact<>("deprecation survey", Gathering::new);

    private static Deprecations build(ProjectModel project) {
        return project.fact(SURVEY).complete(project);
    }

    /** The survey behind the deprecation index. */
    public static final class Gathering implements Survey {
        private final Map<String, Deprecation> configured = new LinkedHashMap<>();
        /** What the first round looks for: every configured name's words and the PEP 702 decorator call. */
        private final Set<String> firstWords;
        private final Triggers first;
        /** The same without the decorator call: a file that holds one of these can import a deprecated name. */
        private final Triggers names;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Queue<PythonFile> matched = new ConcurrentLinkedQueue<>();
        private final Set<String> naming = ConcurrentHashMap.newKeySet();
        /**
         * The names each scanned file spells: where a word found deprecated after the pass (a PEP 702 decoration, a
         * re-export's alias) may occur, without reading every file again. A file missing here is read again.
         */
        private final Map<String, SpelledNames> spelled = new ConcurrentHashMap<>();

        /** The names of {@link #names} as a tokenized file spells them (the star import is no name). */
        private final Set<String> spelledWords = new HashSet<>();

        private Gathering(ProjectModel project) {
            for (DeprecatedTarget t : project.config().deprecated()) {
                configured.putIfAbsent(t.name(), new Deprecation(t.name(), t, null));
            }
            Set<String> nameWords = new Deprecations(configured).words();
            spelledWords.addAll(nameWords);
            spelledWords.remove(STAR);
            names = new Triggers(nameWords.isEmpty() ? Set.of(NOTHING) : nameWords);
            firstWords = new TreeSet<>(nameWords);
            firstWords.add(DECORATOR_CALL);
            first = new Triggers(firstWords);
        }

        @Override
        public void take(String path, byte[] bytes, Supplier<PythonFile> scanned, boolean scannedAnyway) {
            offer(path, bytes, scanned, scannedAnyway);
        }

        /** {@link #take}; false when the bytes hold no word of the first round (the verdict the cache keeps). */
        private boolean offer(String path, byte[] bytes, Supplier<PythonFile> scanned, boolean scannedAnyway) {
            if (!seen.add(path)) return true;
            if (!scannedAnyway && !first.foundIn(bytes)) return false;
            PythonFile file = scanned.get();
            // the statement facts are all the index needs; they stay when the file's tokens are released. Asked
            // first, they build the tokens that the spelled names then read.
            List<ImportBinding> imports = file.imports();
            SpelledNames spells = file.spelledNames();
            spelled.put(path, spells);
            // a file the rules tokenize anyway is asked the names it spells instead of searched byte by byte (that
            // search was most of the survey's own time): a word only in a comment or in prose imports nothing
            boolean naming = scannedAnyway
                    ? spells.mayContainAny(spelledWords) || imports.stream().anyMatch(ImportBinding::isStar)
                    : names.foundIn(bytes);
            if (!naming && scannedAnyway && !spells.mayContain(DECORATOR)) return true;
            matched.add(file);
            if (naming) this.naming.add(path);
            return true;
        }

        /**
         * Whether the file may name one of the words: by the names the pass saw it spell, without reading it again;
         * else by a search of its bytes, unless an earlier run searched the file, unchanged since, for the same words.
         */
        private boolean mayName(ProjectModel project, FactCache cache, String path, Set<String> words, long key, Triggers search) {
            SpelledNames s = spelled.get(path);
            if (s != null) return s.mayContainAny(words);
            Stamp stamp = cache.stamp(path);
            if (cache.lacks(path, stamp, key, () -> project.bytes(path).orElse(null))) return false;
            return project.bytes(path).map(b -> {
                boolean found = search.foundIn(b);
                if (!found) cache.recordLacks(path, stamp, b, key);
                return found;
            }).orElse(false);
        }

        /**
         * Reads the files the engine did not, then follows decorations and re-exports to a fixpoint: new names
         * bring new words, whose files may re-export further. Later rounds look at the files no earlier word
         * matched, through the names the pass saw them spell where it tokenized them (reading none of those again).
         */
        private Deprecations complete(ProjectModel project) {
            // a file an earlier run found to hold no word of a round's words, unchanged since, is not read for them
            FactCache cache = project instanceof Project p
                    ? p.factCache("deprecation-survey", "max-file-size " + project.config().maxFileSize())
                    : FactCache.NONE;
            long firstKey = FactCache.words(firstWords);
            project.pythonFiles().parallelStream().filter(path -> !seen.contains(path)).forEach(path -> {
                Stamp stamp = cache.stamp(path);
                if (cache.lacks(path, stamp, firstKey, () -> project.bytes(path).orElse(null))) {
                    seen.add(path);
                    return;
                }
                project.bytes(path).ifPresent(b -> {
                    boolean found = offer(path, b, () -> {
                        PythonFile file = parse(project, path, b);
                        file.imports();
                        file.release();
                        return file;
                    }, false);
                    if (!found) cache.recordLacks(path, stamp, b, firstKey);
                });
            });
            Map<String, Deprecation> byName = new LinkedHashMap<>(configured);
            List<PythonFile> parsed = new ArrayList<>(matched);
            // the survey lives as long as the run; the files it took need not
            matched.clear();
            parsed.sort(java.util.Comparator.comparing(PythonFile::path));
            Set<String> words = new TreeSet<>(firstWords);
            Set<String> candidates = new TreeSet<>(naming);
            List<PythonFile> round = parsed;
            while (true) {
                addDecorated(round, byName);
                addReexports(parsed, byName, project);
                Set<String> newWords = new TreeSet<>(new Deprecations(byName).words());
                newWords.removeAll(words);
                if (newWords.isEmpty()) break;
                Triggers fresh = new Triggers(newWords);
                long freshKey = FactCache.words(newWords);
                // a file taken for the decorator call alone may name what it (or another file) declared deprecated
                candidates.addAll(parsed.parallelStream().map(PythonFile::path)
                        .filter(path -> !candidates.contains(path) && mayName(project, cache, path, newWords, freshKey, fresh)).toList());
                // (a file that skipped an older word by its spelled names may still spell a new word containing
                // it, `TOptional`: every new word is looked for)
                words.addAll(newWords);
                Set<String> done = new HashSet<>();
                for (PythonFile f : parsed) done.add(f.path());
                // the files the pass scanned are mostly still in memory, their statement facts with them
                round = project.pythonFiles().parallelStream()
                        .filter(path -> !done.contains(path) && mayName(project, cache, path, newWords, freshKey, fresh))
                        .map(path -> project.python(path).orElse(null))
                        .filter(java.util.Objects::nonNull)
                        .peek(PythonFile::imports)
                        .peek(PythonFile::release)
                        .toList();
                parsed.addAll(round);
                for (PythonFile f : round) candidates.add(f.path());
            }
            cache.save(project.pythonFiles());
            // asked once per run: the filters (some 18 MB on the standard library) need not outlive the answer
            spelled.clear();
            return new Deprecations(byName, candidates);
        }
    }

    /** A word no source holds: with nothing deprecated by name, no file can import a deprecated name. */
    private static final String NOTHING = "\u0000lintgate-nothing-deprecated";

    private static final String DECORATOR = "deprecated";
    private static final String DECORATOR_CALL = DECORATOR + "(";

    /** Adds the PEP 702 decorated module-level definitions of the files, in the files' order. */
    private static void addDecorated(List<PythonFile> files, Map<String, Deprecation> byName) {
        for (List<Deprecation> found : files.parallelStream().map(Deprecations::decorated).toList()) {
            for (Deprecation d : found) byName.putIfAbsent(d.name(), d);
        }
    }

    private static List<Deprecation> decorated(PythonFile file) {
        if (file.moduleName() == null || file.isStub()) return List.of();
        List<Deprecation> found = new ArrayList<>();
        for (Definition def : file.definitions()) {
            if (!def.moduleLevel() || def.decorators().stream().anyMatch(dec -> OVERLOAD.contains(resolve(file, dec.dottedName())))) {
                continue;
            }
            for (Decorator dec : def.decorators()) {
                if (!PEP702.contains(resolve(file, dec.dottedName()))) continue;
                String name = file.moduleName() + "." + def.name();
                found.add(new Deprecation(name, new DeprecatedTarget(name, null, dec.firstStringArgument(), true,
                        new Location(file.path(), def.nameRegion())), null));
            }
        }
        return found;
    }

    /** Resolves a dotted name's first segment through the file's imports ("te.deprecated" to "typing_extensions.deprecated"). */
    static String resolve(PythonFile file, String dotted) {
        int dot = dotted.indexOf('.');
        String head = dot < 0 ? dotted : dotted.substring(0, dot);
        String rest = dot < 0 ? "" : dotted.substring(dot);
        for (ImportBinding b : file.imports()) {
            if (head.equals(b.boundName()) && b.target() != null) {
                // `import a.b` binds `a`, which stands for module a, not a.b
                String base = b.name() == null && b.boundName().equals(ModulePaths.head(b.module())) ? b.boundName() : b.target();
                return base + rest;
            }
        }
        return dotted;
    }

    /** Adds first-party module-level runtime re-exports until the parsed files give nothing new. */
    private static void addReexports(List<PythonFile> files, Map<String, Deprecation> byName, ProjectModel project) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Deprecations current = new Deprecations(byName);
            // each file's re-exports of what is known so far, found in parallel and added in the files' order, so
            // that the first of two shims of one name wins as it would on one thread
            for (List<Deprecation> found : files.parallelStream().map(f -> current.reexports(f, project)).toList()) {
                for (Deprecation d : found) {
                    if (byName.putIfAbsent(d.name(), d) == null) changed = true;
                }
            }
        }
    }

    /** The deprecated names this file re-exports at runtime from its module level, as far as this index knows. */
    private List<Deprecation> reexports(PythonFile file, ProjectModel project) {
        if (file.moduleName() == null || file.isStub()) return List.of();
        List<Deprecation> found = new ArrayList<>();
        for (ImportBinding b : file.imports()) {
            if (!b.isRuntime() || !b.scope().isEmpty()) continue;
            Optional<Deprecation> d = match(b, project);
            if (d.isEmpty()) continue;
            Location via = new Location(file.path(), b.region());
            List<String> exported = new ArrayList<>();
            if (b.isStar()) {
                String module = b.target().substring(0, b.target().length() - 2);
                for (Deprecation each : broughtByStar(module, project)) exported.add(each.lastSegment());
            } else {
                exported.add(b.boundName());
            }
            for (String name : exported) {
                String shimName = file.moduleName() + "." + name;
                if (!byName.containsKey(shimName)) found.add(new Deprecation(shimName, d.get().origin(), via));
            }
        }
        return found;
    }

    private static PythonFile parse(ProjectModel project, String path, byte[] bytes) {
        return project instanceof Project p ? p.parse(path, bytes) : project.python(path).orElseThrow();
    }
}
