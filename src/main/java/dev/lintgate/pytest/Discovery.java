package dev.lintgate.pytest;

import dev.lintgate.config.TomlDocument;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * pytest's config discovery ({@code _pytest/config/findpaths.py: determine_setup, locate_config}) and the part of
 * {@code Config.parse} that applies {@code addopts} and {@code -o}, for one pytest version over a {@link FileTree}.
 * Files are parsed once and shared by every invocation asked about.
 */
public final class Discovery {

    private final FileTree tree;
    private final PytestVersion version;
    private final CommandLineOptions options;
    private final TomlDocument.Spec toml;
    private final Map<String, Optional<PytestConfigFile>> files;
    private final Map<String, Walk> walks = new ConcurrentHashMap<>();

    /** Parsed config files, shared by the discoveries of several pytest versions over one tree. */
    public static final class Files {
        final Map<String, Optional<PytestConfigFile>> parsed = new ConcurrentHashMap<>();
    }

    public Discovery(FileTree tree, PytestVersion version) {
        this(tree, version, new Files());
    }

    /** With pytest's and the catalog plugins' options only (no project to read conftests' own from), TOML 1.0. */
    public Discovery(FileTree tree, PytestVersion version, Files files) {
        this(tree, version, files, CommandLineOptions.of(version), TomlDocument.Spec.TOML_1_0);
    }

    /**
     * @param files   parsed config files shared with the discoveries of other pytest versions over the same tree
     * @param options the command-line options the runs know, with the project's own
     * @param toml    the TOML pytest's Python reads ({@link PytestConfigFile#tomlReadOnPython})
     */
    public Discovery(FileTree tree, PytestVersion version, Files files, CommandLineOptions options, TomlDocument.Spec toml) {
        this.tree = tree;
        this.version = version;
        this.files = files.parsed;
        this.options = options;
        this.toml = toml;
    }

    public CommandLineOptions options() {
        return options;
    }

    public PytestVersion version() {
        return version;
    }

    public FileTree tree() {
        return tree;
    }

    /** The parsed file at a path, if it is a file. */
    public Optional<PytestConfigFile> file(String path) {
        return files.computeIfAbsent(path, p -> {
            if (!tree.isFile(p)) return Optional.empty();
            return tree.read(p).map(bytes -> PytestConfigFile.parse(p, tree.display(p), bytes, toml));
        });
    }

    /** Raised inside the walk when pytest would stop; carries pytest's message and the place. */
    private static final class Abort extends Exception {
        final Location location;

        Abort(String message, Location location) {
            super(message);
            this.location = location;
        }
    }

    private record Located(String rootdir, PytestConfigFile file, PytestConfigFile.Load load,
                           List<PytestConfigFile> shadowed) {
    }

    /** What {@code cd cwd && PYTEST_ADDOPTS=envAddopts pytest args...} would use. */
    public PytestRun run(String cwd, List<String> cliArgs, String envAddopts) {
        List<String> args = new ArrayList<>();
        PytestRun run = new PytestRun(version, cwd, cliArgs);
        run.envAddopts = envAddopts;
        try {
            if (envAddopts != null && !envAddopts.isEmpty()) {
                try {
                    args.addAll(ShellWords.split(envAddopts));
                } catch (IllegalArgumentException e) {
                    throw new Abort("PYTEST_ADDOPTS: " + e.getMessage(), null);
                }
            }
            args.addAll(cliArgs);
            PytestArgs cli = PytestArgs.parse(args, options);
            locate(run, cwd, cli);
            applyFileAndOverrides(run, cli, args);
            decideCollection(run);
        } catch (Abort a) {
            run.error = a.getMessage();
            run.errorLocation = a.location;
            run.values.clear();
        }
        return run;
    }

    private void locate(PytestRun run, String cwd, PytestArgs cli) throws Abort {
        if (cli.configFile() != null && !cli.configFile().isEmpty()) {
            String path = tree.resolve(cwd, cli.configFile());
            String suffix = PytestConfigFile.suffix(path);
            boolean readable = suffix.equals(".ini") || suffix.equals(".cfg") || suffix.equals(".toml");
            Optional<PytestConfigFile> f = file(path);
            if (f.isEmpty() && readable) {
                throw new Abort("FileNotFoundError: " + tree.display(path), null);
            }
            PytestConfigFile.Load load = f.map(x -> x.load(version)).orElse(null);
            f.ifPresent(run.read::add);
            if (load != null) {
                checkLoad(f.get(), load);
            }
            // -c keeps its file even when it holds no pytest section: pytest then runs with an empty config
            run.configFile = f.orElse(null);
            run.rootdir = tree.parent(path);
            run.how = "given with -c (rootdir is its directory)"
                    + (load != null && load.status() == PytestConfigFile.Status.NOT_CONFIG ? "; it holds no pytest section, so the config is empty" : "");
            if (load != null && load.status() == PytestConfigFile.Status.CONFIG) {
                putFileValues(run, f.get(), load);
            }
            if (f.isEmpty()) {
                run.configFile = PytestConfigFile.parse(path, tree.display(path), new byte[0]);
            }
        } else {
            List<String> dirs = dirsFromArgs(cwd, cli.positional());
            String ancestor = commonAncestor(cwd, dirs);
            Located found = locateConfig(List.of(ancestor), run.searched, run.read);
            if (found == null && cli.rootdir() == null) {
                String setupDir = null;
                for (String d : tree.selfAndAncestors(ancestor)) {
                    if (tree.isFile(tree.join(d, "setup.py"))) {
                        setupDir = d;
                        break;
                    }
                }
                if (setupDir != null) {
                    run.rootdir = setupDir;
                    run.how = "no config file walking up from " + tree.display(ancestor) + "; rootdir is the nearest directory with setup.py";
                } else {
                    if (!dirs.equals(List.of(ancestor))) {
                        found = locateConfig(dirs, run.searched, run.read);
                        // pytest discards this walk's list of ignored siblings: they go unmentioned
                        if (found != null) {
                            run.how = "no config file walking up from " + tree.display(ancestor)
                                    + ", the common ancestor of the arguments; found walking up from the arguments one by one";
                            run.shadowed.addAll(found.shadowed());
                            found = new Located(found.rootdir(), found.file(), found.load(), List.of());
                        }
                    }
                    if (found == null) {
                        List<String> both = new ArrayList<>();
                        both.add(cwd);
                        both.add(ancestor);
                        String r = commonAncestor(cwd, both);
                        run.rootdir = tree.parent(r) == null && !r.isEmpty() ? ancestor : r;
                        run.how = "no config file and no setup.py walking up from " + tree.display(ancestor) + "; pytest defaults apply";
                    }
                }
            }
            if (found != null) {
                run.rootdir = found.rootdir();
                run.configFile = found.file();
                if (run.how == null) {
                    run.how = found.load() == null
                            ? "no file with pytest config walking up from " + tree.display(ancestor)
                              + "; the first pyproject.toml met fixes the rootdir, with an empty config (pytest 8.1+)"
                            : "the first file holding pytest config walking up from " + tree.display(ancestor)
                              + (cli.positional().isEmpty() ? " (the working directory)" : ", the common ancestor of the arguments");
                }
                run.shadowed.addAll(found.shadowed());
                run.shadowedInHeader = version.hasNativeToml() && !found.shadowed().isEmpty();
                if (found.load() != null) {
                    putFileValues(run, found.file(), found.load());
                }
            }
        }
        if (cli.rootdir() != null && !cli.rootdir().isEmpty()) {
            String r = tree.resolve(cwd, cli.rootdir());
            if (!tree.isDir(r)) {
                throw new Abort("Directory '" + tree.display(r) + "' not found. Check your '--rootdir' option.", null);
            }
            run.rootdir = r;
            run.how = (run.how == null ? "" : run.how + "; ") + "rootdir set by --rootdir (the config file is unaffected)";
        }
    }

    private void putFileValues(PytestRun run, PytestConfigFile file, PytestConfigFile.Load load) {
        load.options().forEach((k, o) -> run.values.put(k,
                new PytestRun.Value(k, o.value(), o.mode(), o.pythonType(), o.valueLocation(), "file")));
    }

    private void checkLoad(PytestConfigFile f, PytestConfigFile.Load load) throws Abort {
        if (load.status() == PytestConfigFile.Status.ERROR) {
            throw new Abort(load.error(), f.at(load.errorRegion() == null ? Region.line(1) : load.errorRegion()));
        }
    }

    /** findpaths.locate_config: nearest directory first, names in version order, pyproject.toml as last resort. */
    private Located locateConfig(List<String> dirs, List<String> trace, List<PytestConfigFile> read) throws Abort {
        PytestConfigFile firstPyproject = null;
        for (String dir : dirs) {
            Walk w = walk(dir);
            trace.addAll(w.trace());
            read.addAll(w.read());
            if (w.abort() != null) throw new Abort(w.abort().getMessage(), w.abort().location);
            if (w.found() != null) return w.found();
            if (firstPyproject == null) firstPyproject = w.pyproject();
        }
        if (firstPyproject != null) {
            // pytest 8.1+: the first pyproject.toml met fixes the rootdir, with an empty config
            return new Located(tree.parent(firstPyproject.path()) == null ? "" : parentOf(firstPyproject.path()),
                    firstPyproject, null, List.of());
        }
        return null;
    }

    /**
     * The walk up from one directory: the trace lines it writes, and the config it stops at, the abort it stops
     * with, or (when neither) the nearest pyproject.toml it passed.
     */
    private record Walk(List<String> trace, Located found, Abort abort, PytestConfigFile pyproject,
                        List<PytestConfigFile> read) {
        static final Walk TOP = new Walk(List.of(), null, null, null, List.of());
    }

    /**
     * Remembered per directory, and built from the parent's walk: a lint run starts pytest in, or hands it, every
     * test directory of the repository, and their walks share everything above them.
     */
    private Walk walk(String dir) {
        Walk known = walks.get(dir);
        if (known != null) return known;
        Walk here = level(dir);
        Walk w = here;
        if (here.found() == null && here.abort() == null) {
            String parent = tree.parent(dir);
            Walk above = parent == null ? Walk.TOP : walk(parent);
            List<String> trace = here.trace().isEmpty() ? above.trace() : concat(here.trace(), above.trace());
            w = new Walk(trace, above.found(), above.abort(), here.pyproject() != null ? here.pyproject() : above.pyproject(),
                    here.read().isEmpty() ? above.read() : concat(here.read(), above.read()));
        }
        // not computeIfAbsent: the walk recurses into the map; a race only computes the same walk twice
        walks.putIfAbsent(dir, w);
        return w;
    }

    /** One directory of the walk. */
    private Walk level(String base) {
        List<ConfigKind> order = ConfigKind.searchOrder(version);
        List<String> trace = new ArrayList<>();
        List<PytestConfigFile> read = new ArrayList<>();
        PytestConfigFile pyproject = null;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Optional<PytestConfigFile> f = file(tree.join(base, order.get(i).fileName()));
            if (f.isEmpty()) continue;
            if (order.get(i) == ConfigKind.PYPROJECT_TOML) {
                pyproject = f.get();
            }
            PytestConfigFile.Load load = f.get().load(version);
            read.add(f.get());
            seen.add(f.get().fileName() + switch (load.status()) {
                case CONFIG -> " (pytest config: used)";
                case NOT_CONFIG -> " (no pytest config)";
                case ERROR -> " (stops pytest)";
            });
            // the trace line for this directory is written when pytest leaves it: match, abort or nothing
            if (load.status() != PytestConfigFile.Status.NOT_CONFIG) {
                trace.add(tree.display(base) + ": " + String.join(", ", seen));
            }
            try {
                checkLoad(f.get(), load);
            } catch (Abort a) {
                return new Walk(List.copyOf(trace), null, a, pyproject, List.copyOf(read));
            }
            if (load.status() != PytestConfigFile.Status.CONFIG) continue;
            List<PytestConfigFile> shadowed = new ArrayList<>();
            // pytest 9 loads every lower-precedence sibling to name it in the header, so a broken one aborts
            for (int j = i + 1; j < order.size(); j++) {
                Optional<PytestConfigFile> s = file(tree.join(base, order.get(j).fileName()));
                if (s.isEmpty()) continue;
                PytestConfigFile.Load sl = s.get().load(version);
                if (version.hasNativeToml()) {
                    read.add(s.get());
                    try {
                        checkLoad(s.get(), sl);
                    } catch (Abort a) {
                        return new Walk(List.copyOf(trace), null, a, pyproject, List.copyOf(read));
                    }
                }
                if (sl.status() == PytestConfigFile.Status.CONFIG) {
                    shadowed.add(s.get());
                }
            }
            return new Walk(List.copyOf(trace), new Located(base, f.get(), load, List.copyOf(shadowed)), null, pyproject,
                    List.copyOf(read));
        }
        if (!seen.isEmpty()) {
            trace.add(tree.display(base) + ": " + String.join(", ", seen));
        }
        return new Walk(List.copyOf(trace), null, null, pyproject, List.copyOf(read));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private String parentOf(String path) {
        String p = tree.parent(path);
        return p == null ? "" : p;
    }

    /** findpaths.get_dirs_from_args: existing paths only, "::node" cut off, files give their directory. */
    private List<String> dirsFromArgs(String cwd, List<String> positional) {
        List<String> out = new ArrayList<>();
        for (String a : positional) {
            if (a.startsWith("-")) continue;
            int cut = a.indexOf("::");
            String p = tree.resolve(cwd, cut >= 0 ? a.substring(0, cut) : a);
            if (tree.isDir(p)) {
                out.add(p);
            } else if (tree.isFile(p)) {
                out.add(parentOf(p));
            }
        }
        return out;
    }

    /** findpaths.get_common_ancestor over existing directories; the cwd when there are none. */
    private String commonAncestor(String cwd, List<String> paths) {
        String common = null;
        for (String p : paths) {
            if (!tree.isDir(p) && !tree.isFile(p)) continue;
            if (common == null) {
                common = p;
            } else {
                common = commonPath(common, p);
            }
        }
        if (common == null) return cwd;
        if (tree.isFile(common)) return parentOf(common);
        return common;
    }

    private String commonPath(String a, String b) {
        List<String> ancA = tree.selfAndAncestors(a);
        for (String d : tree.selfAndAncestors(b)) {
            if (ancA.contains(d)) return d;
        }
        return a;
    }

    /** Config.parse after discovery: -o from the command line, then addopts, then (9.1+) -o from addopts. */
    private void applyFileAndOverrides(PytestRun run, PytestArgs cli, List<String> args) throws Abort {
        if (version.hasNativeToml()) {
            applyOverrides(run, cli.overrideActions(), cli.overrideFlags(), "command line");
        } else {
            applyOverrides(run, cli.overrides(), java.util.Collections.nCopies(cli.overrides().size(), "-o"), "command line");
        }
        Object addopts;
        try {
            addopts = run.getini("addopts", "args", List.of());
        } catch (PytestRun.TypeMismatch e) {
            throw new Abort(e.getMessage(), run.value("addopts").map(PytestRun.Value::location).orElse(null));
        }
        List<String> addoptsList = new ArrayList<>();
        for (Object o : (List<?>) addopts) {
            addoptsList.add(String.valueOf(o));
        }
        run.addopts = List.copyOf(addoptsList);
        List<String> full = new ArrayList<>(addoptsList);
        full.addAll(args);
        run.fullArgs = PytestArgs.parse(full, options);
        if (run.fullArgs.usageError() != null) {
            throw new Abort("usage error: " + run.fullArgs.usageError(), null);
        }
        applyMinversion(run);
        if (version.addoptsOverridesWork()) {
            // the same last-wins sequence pytest applies: addopts first, then the command line again
            PytestArgs fromAddopts = PytestArgs.parse(addoptsList, options);
            applyOverrides(run, fromAddopts.overrideActions(), fromAddopts.overrideFlags(), "addopts");
            if (version.hasNativeToml()) {
                applyOverrides(run, cli.overrideActions(), cli.overrideFlags(), "command line");
            }
        }
    }

    private static final java.util.regex.Pattern RELEASE = java.util.regex.Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** pytest refuses to run below the config's {@code minversion} (compared as release numbers). */
    private void applyMinversion(PytestRun run) throws Abort {
        Object min;
        try {
            min = run.getini("minversion", "string", "");
        } catch (PytestRun.TypeMismatch e) {
            throw new Abort(e.getMessage(), run.value("minversion").map(PytestRun.Value::location).orElse(null));
        }
        String text = String.valueOf(min).strip();
        java.util.regex.Matcher m = RELEASE.matcher(text);
        if (text.isEmpty() || !m.lookingAt()) return;
        PytestVersion required = new PytestVersion(Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        if (required.compareTo(version) > 0) {
            throw new Abort("'minversion' requires pytest-" + text + ", actual pytest-" + version,
                    run.value("minversion").map(PytestRun.Value::location).orElse(null));
        }
    }

    /**
     * Config._decide_args: the paths pytest starts collecting from. Arguments when given; else, started in the
     * rootdir, the {@code testpaths} globs (relative to the working directory); else the working directory.
     */
    private void decideCollection(PytestRun run) {
        List<String> positional = run.fullArgs.positional();
        List<String> out = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (String a : run.fullArgs.ambiguous()) {
            // a word an unknown option may take: if it is no existing path, reading it as one stops pytest
            String p = argPath(run.cwd, a);
            if (tree.isDir(p) || tree.isFile(p)) possible.add(p);
        }
        run.ambiguousRoots = List.copyOf(possible);
        if (!positional.isEmpty()) {
            for (String a : positional) out.add(argPath(run.cwd, a));
        } else if (run.cwd.equals(run.rootdir)) {
            try {
                for (Object t : (List<?>) run.getini("testpaths", "args", List.of())) {
                    out.addAll(glob(run.cwd, String.valueOf(t)));
                }
            } catch (PytestRun.TypeMismatch e) {
                // pytest would fail on the value; collection roots do not matter then
            }
        }
        if (out.isEmpty()) out.add(run.cwd);
        run.collectionRoots = List.copyOf(out);
    }

    private String argPath(String cwd, String arg) {
        int cut = arg.indexOf("::");
        return tree.resolve(cwd, cut >= 0 ? arg.substring(0, cut) : arg);
    }

    /** Python's glob.iglob(pattern, recursive=True) relative to {@code cwd}, sorted per pattern as pytest sorts. */
    private List<String> glob(String cwd, String pattern) {
        List<String> current = new ArrayList<>();
        String start = pattern.startsWith("/") ? tree.resolve("/", "/") : cwd;
        current.add(start);
        for (String part : pattern.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            List<String> next = new ArrayList<>();
            for (String base : current) {
                if (part.equals("..")) {
                    String p = tree.parent(base);
                    if (p != null) next.add(p);
                } else if (part.equals("**")) {
                    collectRecursive(base, next);
                } else if (part.contains("*") || part.contains("?") || part.contains("[")) {
                    for (String child : tree.children(base)) {
                        // glob's wildcards skip hidden names unless the pattern itself starts with a dot
                        if (child.startsWith(".") && !part.startsWith(".")) continue;
                        if (PytestConfigModel.fnmatch(child, part)) next.add(tree.join(base, child));
                    }
                } else {
                    String p = tree.join(base, part);
                    if (tree.isDir(p) || tree.isFile(p)) next.add(p);
                }
            }
            current = next;
        }
        return current.stream().filter(p -> tree.isDir(p) || tree.isFile(p)).distinct().sorted().toList();
    }

    private void collectRecursive(String dir, List<String> out) {
        if (!tree.isDir(dir)) return;
        out.add(dir);
        for (String child : tree.children(dir)) {
            if (child.startsWith(".")) continue;
            collectRecursive(tree.join(dir, child), out);
        }
    }

    private void applyOverrides(PytestRun run, List<String> overrides, List<String> flags, String where) throws Abort {
        for (int i = 0; i < overrides.size(); i++) {
            String o = overrides.get(i);
            String origin = where + " " + flags.get(i);
            int eq = o.indexOf('=');
            if (eq < 0) {
                throw new Abort("-o/--override-ini expects option=value style (got: '" + o + "').", null);
            }
            String key = o.substring(0, eq);
            run.values.put(key, new PytestRun.Value(key, o.substring(eq + 1), PytestOption.Mode.INI, "str", null, origin));
        }
    }
}
