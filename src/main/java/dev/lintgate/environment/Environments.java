package dev.lintgate.environment;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.IniDocument;
import dev.lintgate.config.TomlDocument;
import dev.lintgate.project.PackageRoots;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment of every project in the repository, read once from the dependency files only
 * ({@link DependencyFile}): each file belongs to the project of the nearest package root at or above it
 * ({@link PackageRoots}), and so do the requirements files it includes. A uv workspace's members are locked by the
 * workspace's lock file, not by lock files of their own.
 */
public final class Environments {

    public static final ProjectModel.Fact<Environments> FACT = new ProjectModel.Fact<>("environment", Environments::read);

    // setup.py is Python: lintgate reads no requirement from it, and only knows whether it may pass some to setup()
    private static final Triggers SETUP_PY_REQUIREMENTS =
            new Triggers(List.of("install_requires", "extras_require", "tests_require"));
    private static final Triggers PYTEST11 = new Triggers(List.of("pytest11"));

    private final PackageRoots roots;
    private final Map<String, Environment> byRoot;
    private final Map<String, Environment> byDirectory = new ConcurrentHashMap<>();

    private Environments(PackageRoots roots, Map<String, Environment> byRoot) {
        this.roots = roots;
        this.byRoot = byRoot;
    }

    /** The environment of the project whose package root this is. */
    public Environment project(String root) {
        return byRoot.get(root);
    }

    /**
     * The environment pytest runs in when started in {@code dir}: the nearest project at or above it that declares
     * pytest (a nested example project that does not is tested from its parent's environment); when none does, the
     * nearest that declares anything; else the repository root's, which then declares nothing.
     */
    public Environment of(String dir) {
        return byDirectory.computeIfAbsent(dir, this::find);
    }

    private Environment find(String dir) {
        for (String r = roots.rootOf(dir); ; r = roots.rootOf(parent(r))) {
            if (!byRoot.get(r).of("pytest").isEmpty()) return byRoot.get(r);
            if (r.isEmpty()) break;
        }
        for (String r = roots.rootOf(dir); ; r = roots.rootOf(parent(r))) {
            if (!byRoot.get(r).declaresNothing() || r.isEmpty()) return byRoot.get(r);
        }
    }

    private static Environments read(ProjectModel project) {
        PackageRoots roots = project.fact(PackageRoots.FACT);
        Set<String> rootSet = new HashSet<>(roots.all());
        Map<String, FileDeclarations> files = new TreeMap<>();
        Map<String, RequirementsFile> requirements = new TreeMap<>();
        Set<String> walked = new HashSet<>();
        for (String f : project.files()) {
            Optional<DependencyFile> kind = DependencyFile.of(f);
            if (kind.isEmpty()) continue;
            walked.add(f);
            boolean projectFile = kind.get() == DependencyFile.PYPROJECT || kind.get() == DependencyFile.SETUP_CFG
                    || kind.get() == DependencyFile.SETUP_PY;
            // a pyproject.toml or setup.cfg that defines no distribution (a tool's settings) declares nothing
            if (projectFile && !rootSet.contains(dirOf(f))) continue;
            Optional<byte[]> bytes = project.bytes(f);
            if (bytes.isEmpty()) continue;
            if (kind.get() == DependencyFile.REQUIREMENTS) {
                requirements.put(f, RequirementsFile.parse(f, text(bytes.get())));
            } else if (kind.get() == DependencyFile.PYPROJECT && roots.pyproject(f).isPresent()) {
                FileDeclarations out = new FileDeclarations(f);
                PyprojectReader.read(roots.pyproject(f).get(), out);
                files.put(f, out);
            } else {
                files.put(f, readFile(f, kind.get(), bytes.get()));
            }
        }
        // follow -r/-c and file: includes, whatever the included files are called
        Deque<String> pending = new ArrayDeque<>();
        requirements.values().forEach(r -> r.includes().forEach(i -> pending.add(i.target())));
        files.values().forEach(d -> d.includes.forEach(i -> pending.add(i.target())));
        while (!pending.isEmpty()) {
            String target = pending.pop();
            if (requirements.containsKey(target) || target.startsWith("../") || target.startsWith("/")) continue;
            Optional<byte[]> bytes = project.bytes(target);
            if (bytes.isEmpty()) continue;
            RequirementsFile r = RequirementsFile.parse(target, text(bytes.get()));
            requirements.put(target, r);
            r.includes().forEach(i -> pending.add(i.target()));
        }
        Map<String, String> workspaceOf = workspaces(roots, files);
        Map<String, Environment> byRoot = new LinkedHashMap<>();
        for (String root : roots.all()) {
            byRoot.put(root, build(root, roots, files, requirements, walked, workspaceOf));
        }
        return new Environments(roots, byRoot);
    }

    private static FileDeclarations readFile(String path, DependencyFile kind, byte[] bytes) {
        FileDeclarations out = new FileDeclarations(path);
        try {
            switch (kind) {
                case PYPROJECT -> PyprojectReader.read(TomlDocument.parse(text(bytes)), out);
                case SETUP_CFG -> SetupCfgReader.read(IniDocument.parse(text(bytes)), out);
                case TOX_INI -> ToxReader.read(IniDocument.parse(text(bytes)), out);
                case TOML_LOCK -> LockReader.toml(text(bytes), out);
                case PIPFILE_LOCK -> LockReader.pipfileLock(text(bytes), out);
                case PIPFILE -> PipfileReader.read(text(bytes), out);
                case SETUP_PY -> {
                    if (SETUP_PY_REQUIREMENTS.foundIn(bytes)) out.unreadable(0, "setup.py passes requirements to setup() in Python");
                    if (PYTEST11.foundIn(bytes)) out.pytestEntryPoints.add(path);
                }
                case CONDA -> out.unreadable(0, "conda environment files are not read");
                default -> { }
            }
        } catch (ConfigSyntaxException e) {
            out.unreadable(e.line(), "it does not parse: " + e.getMessage());
        }
        return out;
    }

    /** Member package root to workspace root, from {@code [tool.uv.workspace] members} (and {@code exclude}) globs. */
    private static Map<String, String> workspaces(PackageRoots roots, Map<String, FileDeclarations> files) {
        Map<String, String> out = new HashMap<>();
        for (FileDeclarations d : files.values()) {
            if (d.workspaceMembers.isEmpty()) continue;
            String ws = dirOf(d.path);
            for (String member : roots.all()) {
                if (member.equals(ws) || !(ws.isEmpty() || member.startsWith(ws + "/"))) continue;
                String rel = ws.isEmpty() ? member : member.substring(ws.length() + 1);
                if (d.workspaceMembers.stream().anyMatch(g -> globMatches(rel, g))
                        && d.workspaceExcludes.stream().noneMatch(g -> globMatches(rel, g))) {
                    out.put(member, ws);
                }
            }
        }
        return out;
    }

    private static Environment build(String root, PackageRoots roots, Map<String, FileDeclarations> files,
                                     Map<String, RequirementsFile> requirements, Set<String> walked, Map<String, String> workspaceOf) {
        List<Declaration> declarations = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        List<String> entryPoints = new ArrayList<>();
        Map<Declaration, List<Declaration>> narrowing = new HashMap<>();
        Set<String> reqFiles = new LinkedHashSet<>();
        String workspace = workspaceOf.get(root);
        for (FileDeclarations d : files.values()) {
            String owner = roots.rootOf(dirOf(d.path));
            boolean lock = DependencyFile.of(d.path).orElse(null) == DependencyFile.TOML_LOCK
                    || d.path.endsWith("Pipfile.lock");
            // a workspace member is locked by the workspace's lock file; its own lock file is not used
            boolean mine = owner.equals(root) && !(lock && workspace != null);
            boolean workspaceLock = lock && workspace != null && owner.equals(workspace);
            if (!mine && !workspaceLock) continue;
            if (workspaceLock) {
                d.declarations.stream().filter(x -> x.kind() == Declaration.Kind.LOCKED).forEach(declarations::add);
                continue;
            }
            declarations.addAll(d.declarations);
            unreadable.addAll(d.unreadable);
            entryPoints.addAll(d.pytestEntryPoints);
            for (RequirementsFile.Include i : d.includes) {
                if (requirements.containsKey(i.target())) reqFiles.addAll(closure(i.target(), requirements, false));
                else unreadable.add(new Unreadable(d.path, i.line(), i.target() + " cannot be read"));
            }
        }
        for (String f : requirements.keySet()) {
            if (walked.contains(f) && roots.rootOf(dirOf(f)).equals(root)) reqFiles.addAll(closure(f, requirements, false));
        }
        Map<String, Map<String, List<Declaration>>> constraintsByFile = new HashMap<>();
        for (String f : reqFiles) {
            RequirementsFile r = requirements.get(f);
            boolean constraints = fileName(f).toLowerCase(java.util.Locale.ROOT).startsWith("constraints");
            List<Declaration> own = declarations(r, constraints ? Declaration.Kind.CONSTRAINT : Declaration.Kind.REQUIREMENT);
            declarations.addAll(own);
            unreadable.addAll(r.unreadable());
            for (RequirementsFile.Include i : r.includes()) {
                if (!requirements.containsKey(i.target())) unreadable.add(new Unreadable(f, i.line(), i.target() + " cannot be read"));
            }
            List<String> narrowers = narrowers(f, requirements);
            if (narrowers.isEmpty()) continue;
            for (Declaration d : own) {
                List<Declaration> same = new ArrayList<>();
                for (String c : narrowers) {
                    same.addAll(constraintsByFile.computeIfAbsent(c, x -> byName(declarations(requirements.get(x), Declaration.Kind.CONSTRAINT)))
                            .getOrDefault(d.name(), List.of()));
                }
                if (!same.isEmpty()) narrowing.put(d, same);
            }
        }
        return new Environment(root, dedupe(declarations), unreadable, narrowing, entryPoints);
    }

    private static List<Declaration> declarations(RequirementsFile r, Declaration.Kind kind) {
        List<Declaration> out = new ArrayList<>(r.requirements().size());
        for (RequirementsFile.Line l : r.requirements()) {
            out.add(new Declaration(l.requirement().key(), l.requirement().versions(), l.requirement().toString(), r.path(), l.line(), kind));
        }
        return out;
    }

    private static Map<String, List<Declaration>> byName(List<Declaration> declarations) {
        Map<String, List<Declaration>> out = new HashMap<>();
        for (Declaration d : declarations) out.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
        return out;
    }

    /**
     * The files whose declarations constrain a requirements file installed on its own: those its {@code -c} options
     * reach (from it and from the files it includes), and for a pip-compile input {@code x.in} the {@code x.txt}
     * compiled from it beside it.
     */
    private static List<String> narrowers(String file, Map<String, RequirementsFile> requirements) {
        Set<String> constraintFiles = new LinkedHashSet<>();
        for (String f : closure(file, requirements, false)) {
            for (RequirementsFile.Include i : requirements.get(f).includes()) {
                if (i.constraint() && requirements.containsKey(i.target())) constraintFiles.addAll(closure(i.target(), requirements, true));
            }
        }
        if (file.endsWith(".in")) {
            String compiled = file.substring(0, file.length() - 3) + ".txt";
            if (requirements.containsKey(compiled)) constraintFiles.add(compiled);
        }
        return List.copyOf(constraintFiles);
    }

    /** A requirements file and those it includes with {@code -r} (and with {@code -c}, when {@code constraints}). */
    private static Set<String> closure(String file, Map<String, RequirementsFile> requirements, boolean constraints) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(file));
        while (!todo.isEmpty()) {
            String f = todo.pop();
            RequirementsFile r = requirements.get(f);
            if (r == null || !seen.add(f)) continue;
            for (RequirementsFile.Include i : r.includes()) {
                if (!i.constraint() || constraints) todo.add(i.target());
            }
        }
        return seen;
    }

    private static List<Declaration> dedupe(List<Declaration> declarations) {
        Map<String, Declaration> out = new LinkedHashMap<>();
        for (Declaration d : declarations) out.putIfAbsent(d.path() + "\u0000" + d.line() + "\u0000" + d.name() + "\u0000" + d.kind(), d);
        return new ArrayList<>(out.values());
    }

    // uv's member globs: '*' and '?' within one path segment, '**' across segments
    static boolean globMatches(String path, String glob) {
        StringBuilder regex = new StringBuilder();
        String g = glob.replaceAll("/+$", "");
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return path.matches(regex.toString());
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String dirOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String parent(String dir) {
        return dirOf(dir);
    }
}
