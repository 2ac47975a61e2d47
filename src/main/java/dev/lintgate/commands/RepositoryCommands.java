package dev.lintgate.commands;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.TomlDocument;
import dev.lintgate.project.ProjectModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every command the repository defines in the files that run its tools: tox files, noxfiles, Makefiles, GitHub
 * workflows and composite actions, pre-commit hooks and the shell scripts those run. A command that hands work on
 * with arguments ({@code tox -- ARGS}, {@code nox -- ARGS}, {@code make VAR=value}, {@code bash script.sh}) brings
 * in the commands it causes. Files that define commands in ways lintgate does not read (hatch, pdm, poe, just,
 * invoke, native tox TOML) and that mention pytest give one command that is not understood.
 */
public final class RepositoryCommands {

    public static final ProjectModel.Fact<RepositoryCommands> FACT =
            new ProjectModel.Fact<>("repository-commands", RepositoryCommands::new);

    private static final int MAX_DEPTH = 4;

    private final ProjectModel project;
    private final List<CommandLine> commands = new ArrayList<>();
    private final Set<String> expanded = new HashSet<>();
    private final Makefile.Runs makefiles = new Makefile.Runs();

    private RepositoryCommands(ProjectModel project) {
        this.project = project;
        List<CommandLine> found = new ArrayList<>();
        for (String f : project.files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            if (name.endsWith("tox.ini")) {
                text(f).ifPresent(t -> found.addAll(ToxIni.commands(f, t, null)));
            } else if (name.equals("setup.cfg")) {
                text(f).filter(t -> t.contains("[tox:tox]")).ifPresent(t -> found.addAll(ToxIni.commands(f, t, null)));
            } else if (name.equals("noxfile.py")) {
                project.bytes(f).ifPresent(b -> found.addAll(NoxFile.commands(f, b, null)));
            } else if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile")) {
                found.addAll(Makefile.commands(f, project::bytes, Map.of(), makefiles));
            } else if (isWorkflow(f)) {
                text(f).ifPresent(t -> found.addAll(Workflows.commands(f, t)));
            } else if (name.equals(".pre-commit-config.yaml") || name.equals(".pre-commit-config.yml")) {
                text(f).ifPresent(t -> found.addAll(PreCommitHooks.commands(f, t, dir)));
            } else if (name.endsWith(".sh")) {
                text(f).filter(t -> t.contains("pytest")).ifPresent(t -> found.addAll(ShellScript.commands(f, t, 1, "", Map.of())));
            } else if (name.equals("pyproject.toml")) {
                text(f).ifPresent(t -> found.addAll(pyproject(f, t)));
            } else if (UNREAD.contains(name)) {
                text(f).filter(t -> t.contains("pytest")).ifPresent(t ->
                        found.add(CommandLine.notUnderstood(f + ":1", "it defines commands that mention pytest, in a form lintgate does not read")));
            }
        }
        for (CommandLine c : found) add(c, 0);
    }

    // task runners whose definitions lintgate does not read
    private static final Set<String> UNREAD = Set.of("tox.toml", "hatch.toml", "justfile", "Justfile", ".justfile",
            "Taskfile.yml", "Taskfile.yaml", "tasks.py", "pixi.toml", "Pipfile");

    /** Whether lintgate reads commands from the file at this path (a tox file, a Makefile, a workflow...). */
    public static boolean readsFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith("tox.ini") || name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile")
                || isWorkflow(path) || name.equals(".pre-commit-config.yaml") || name.equals(".pre-commit-config.yml")
                || name.endsWith(".sh");
    }

    /** The commands, those handed on included. */
    public List<CommandLine> commands() {
        return commands;
    }

    private static boolean isWorkflow(String f) {
        boolean yaml = f.endsWith(".yml") || f.endsWith(".yaml");
        if (!yaml) return false;
        if (f.startsWith(".github/workflows/") && f.indexOf('/', ".github/workflows/".length()) < 0) return true;
        String name = f.substring(f.lastIndexOf('/') + 1);
        return f.startsWith(".github/actions/") && (name.equals("action.yml") || name.equals("action.yaml"));
    }

    private Optional<String> text(String path) {
        return project.bytes(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** tox embedded as {@code legacy_tox_ini}; the task tables of tools lintgate does not read. */
    private List<CommandLine> pyproject(String path, String text) {
        List<CommandLine> out = new ArrayList<>();
        if (!text.contains("[tool.")) return out;
        TomlDocument doc;
        try {
            doc = TomlDocument.parse(text);
        } catch (ConfigSyntaxException e) {
            return out;
        }
        Optional<TomlDocument.Table> tox = doc.table("tool", "tox");
        if (tox.isPresent()) {
            Optional<TomlDocument.Node> legacy = tox.get().get("legacy_tox_ini");
            if (legacy.isPresent() && legacy.get().value() instanceof String ini) {
                for (CommandLine c : ToxIni.commands(path, ini, null)) out.add(c);
            } else if (text.contains("pytest")) {
                out.add(CommandLine.notUnderstood(path + ":" + tox.get().region().startLine(), "tox is configured in TOML, which lintgate does not read"));
            }
        }
        for (String[] table : List.of(new String[] {"hatch", "envs"}, new String[] {"pdm", "scripts"},
                new String[] {"poe", "tasks"}, new String[] {"pixi", "tasks"}, new String[] {"rye", "scripts"})) {
            Optional<TomlDocument.Table> t = doc.table("tool", table[0], table[1]);
            if (t.isPresent() && text.contains("pytest")) {
                out.add(CommandLine.notUnderstood(path + ":" + t.get().region().startLine(),
                        "[tool." + table[0] + "." + table[1] + "] may run pytest, and lintgate does not read it"));
            }
        }
        return out;
    }

    /** Adds a command, and the commands it hands work on to. */
    private void add(CommandLine c, int depth) {
        commands.add(c);
        if (c.notUnderstood() != null || depth >= MAX_DEPTH) return;
        Program p = Program.of(c.words());
        String cwd = p.cwdChange() == null ? c.cwd() : Paths.resolve(c.cwd(), p.cwdChange());
        if (cwd == null) return;
        switch (p.kind()) {
            case TOX -> tox(c, p, cwd, depth);
            case NOX -> nox(c, p, cwd, depth);
            case MAKE -> make(c, p, cwd, depth);
            case SCRIPT -> script(c, p, cwd, depth);
            case PYTHON_FILE -> {
                String file = Paths.resolve(cwd, Words.spelling(p.args().get(0)));
                if (file != null && text(file).map(t -> t.contains("pytest")).orElse(false)) {
                    commands.add(CommandLine.notUnderstood(c.source(), "`" + c.text() + "` runs " + file + ", which runs pytest in Python code lintgate does not follow"));
                }
            }
            default -> { }
        }
    }

    private static List<String> afterDoubleDash(List<String> args) {
        int at = args.indexOf("--");
        return at < 0 ? List.of() : args.subList(at + 1, args.size());
    }

    private static String optionValue(List<String> args, String... names) {
        for (int i = 0; i < args.size(); i++) {
            for (String n : names) {
                if (args.get(i).equals(n) && i + 1 < args.size()) return args.get(i + 1);
                if (args.get(i).startsWith(n + "=")) return args.get(i).substring(n.length() + 1);
            }
        }
        return null;
    }

    private void tox(CommandLine c, Program p, String cwd, int depth) {
        List<String> posargs = afterDoubleDash(p.args());
        if (posargs.isEmpty()) return;
        String conf = optionValue(p.args(), "-c", "--conf");
        String file = Paths.resolve(cwd, conf == null ? "tox.ini" : conf);
        if (file == null || !expanded.add("tox " + file + " " + posargs)) return;
        Optional<String> text = text(file);
        if (text.isEmpty()) return;
        for (CommandLine d : ToxIni.commands(file, text.get(), posargs)) add(d, depth + 1);
    }

    private void nox(CommandLine c, Program p, String cwd, int depth) {
        List<String> posargs = afterDoubleDash(p.args());
        if (posargs.isEmpty()) return;
        String conf = optionValue(p.args(), "-f", "--noxfile");
        String file = Paths.resolve(cwd, conf == null ? "noxfile.py" : conf);
        if (file == null || !expanded.add("nox " + file + " " + posargs)) return;
        Optional<byte[]> py = project.bytes(file);
        if (py.isEmpty()) return;
        for (CommandLine d : NoxFile.commands(file, py.get(), posargs)) add(d, depth + 1);
    }

    private void make(CommandLine c, Program p, String cwd, int depth) {
        Map<String, String> overrides = new LinkedHashMap<>();
        String dir = cwd;
        String file = null;
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-C") || a.equals("--directory")) && i + 1 < args.size()) {
                dir = Paths.resolve(dir, Words.spelling(args.get(++i)));
            } else if ((a.equals("-f") || a.equals("--file") || a.equals("--makefile")) && i + 1 < args.size()) {
                file = Words.spelling(args.get(++i));
            } else if (!a.startsWith("-") && Words.spelling(a).contains("=") && Words.spelling(a).indexOf('=') > 0) {
                String s = Words.spelling(a);
                String name = s.substring(0, s.indexOf('='));
                overrides.put(name, Words.isUnknown(a) ? Words.unknownWords(s.substring(s.indexOf('=') + 1)) : s.substring(s.indexOf('=') + 1));
            }
        }
        // without variables set on its command line, make runs the recipes already read
        if (overrides.isEmpty() || dir == null) return;
        String path = Paths.resolve(dir, file == null ? "Makefile" : file);
        if (path == null || !expanded.add("make " + path + " " + overrides) || project.bytes(path).isEmpty()) return;
        for (CommandLine d : Makefile.commands(path, project::bytes, overrides, makefiles)) add(d, depth + 1);
    }

    private void script(CommandLine c, Program p, String cwd, int depth) {
        String file = Paths.resolve(cwd, Words.spelling(p.args().get(0)));
        if (file == null) return;
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            commands.add(CommandLine.notUnderstood(c.source(), "`" + c.text() + "` runs " + file + ", which is not in the repository"));
            return;
        }
        if (!text.get().contains("pytest") || !expanded.add("script " + file + " " + cwd + " " + p.args())) return;
        Map<String, String> variables = new LinkedHashMap<>(c.env());
        variables.putAll(p.env());
        for (CommandLine d : ShellScript.commands(file, text.get(), 1, cwd, variables)) add(d, depth + 1);
    }
}
