package dev.lintgate.pytest;

import dev.lintgate.commands.CommandLine;
import dev.lintgate.commands.Program;
import dev.lintgate.commands.RepositoryCommands;
import dev.lintgate.commands.Words;
import dev.lintgate.project.ProjectModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pytest runs a repository defines: a bare {@code pytest} at the root, a bare {@code pytest} in the directory of
 * each live config, and every pytest command of its tox files, noxfiles, Makefiles, workflows, pre-commit hooks and
 * the scripts they run ({@link RepositoryCommands}), each as {@link Discovery} works it out. A command lintgate cannot
 * read, or whose arguments may name any path (an unexpanded variable where a path may go, arguments from a file or
 * from {@code xargs}), is kept with the reason: what it collects is not known.
 */
public final class DefinedRuns {

    /**
     * One run: where it is defined ("" for the bare runs lintgate assumes), its command as written, and the run;
     * or, when its collection cannot be known, why ({@code run} may then be null).
     */
    public record Run(String source, String text, PytestRun run, String notUnderstood) {
        /** "`pytest tests -n 4` (Makefile:5)", "`pytest` in tools (Makefile:9)", "`pytest` at the root". */
        public String describe() {
            return source.isEmpty() ? shown() : shown() + " (" + source + ")";
        }

        /** The run without where it is defined: "`pytest tests -n 4`", "`pytest` in tools". */
        public String shown() {
            if (source.isEmpty()) {
                return run.cwd().isEmpty() ? "`pytest` at the root" : "`pytest` in " + run.cwd();
            }
            return "`" + text + "`" + (run == null || run.cwd().isEmpty() ? "" : " in " + run.cwd());
        }
    }

    private final List<Run> runs = new ArrayList<>();

    /** The runs of one modelled pytest release: those started where the environment admits it ({@link PytestVersions}). */
    DefinedRuns(ProjectModel project, PytestConfigModel config) {
        if (config.admits("")) runs.add(new Run("", "pytest", config.rootRun(), null));
        for (PytestConfigFile f : config.liveConfigs()) {
            PytestRun r = config.runFor(f);
            if (!r.cwd().isEmpty()) runs.add(new Run("", "pytest", r, null));
        }
        Map<String, Run> seen = new LinkedHashMap<>();
        for (CommandLine c : project.fact(RepositoryCommands.FACT).commands()) {
            Run r = run(c, config);
            if (r != null) seen.putIfAbsent(r.source() + "\u0000" + r.text() + "\u0000" + (r.run() == null ? "" : r.run().cwd()), r);
        }
        runs.addAll(seen.values());
    }

    /** Every run, the bare ones first. */
    public List<Run> runs() {
        return runs;
    }

    /** The runs whose collection lintgate cannot know. */
    public List<Run> notUnderstood() {
        return runs.stream().filter(r -> r.notUnderstood() != null).toList();
    }

    private static Run run(CommandLine c, PytestConfigModel config) {
        if (c.notUnderstood() != null) return new Run(c.source(), c.text(), null, c.notUnderstood());
        Program p = Program.of(c.words());
        if (p.kind() == Program.Kind.UNKNOWN) return new Run(c.source(), c.text(), null, p.unknownBecause());
        if (p.kind() != Program.Kind.PYTEST) return null;
        String cwd = p.cwdChange() == null ? c.cwd() : config.discovery().tree().resolve(c.cwd(), p.cwdChange());
        FileTree tree = config.discovery().tree();
        if (cwd == null || !tree.isDir(cwd)) {
            // a directory the checkout does not have (made by an earlier step): its pytest reaches ours only by ".."
            boolean reaches = p.args().stream().anyMatch(a -> Words.isUnknown(a) || a.contains(".."));
            return reaches ? new Run(c.source(), c.text(), null, "it runs in " + cwd + ", which is not in the repository") : null;
        }
        // a run in a directory whose environment installs another pytest belongs to that release's model
        if (!config.admits(cwd)) return null;
        Map<String, String> env = new LinkedHashMap<>(c.env());
        env.putAll(p.env());
        String addopts = env.get("PYTEST_ADDOPTS");
        if (addopts != null && Words.isUnknown(addopts)) {
            return new Run(c.source(), c.text(), null, "PYTEST_ADDOPTS is `" + Words.spelling(addopts) + "`, which lintgate cannot expand");
        }
        PytestRun run = config.discovery().run(cwd, p.args(), addopts);
        String why = run.fullArgs() == null ? null : run.fullArgs().unbounded();
        return new Run(c.source(), c.text(), run, why);
    }
}
