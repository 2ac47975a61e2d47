package dev.lintgate.cli;

import static dev.lintgate.cli.CommandSpecs.option;

import dev.lintgate.config.ConfigException;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.project.ProjectRoot;
import dev.lintgate.pytest.Discovery;
import dev.lintgate.pytest.FileTree;
import dev.lintgate.pytest.PytestConfigReport;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.pytest.PytestVersion;
import dev.lintgate.pytest.PytestVersions;
import dev.lintgate.report.Printable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;

/**
 * {@code lintgate pytest-config}: what pytest would use for one invocation, for people debugging "why does pytest
 * ignore my setting". Every argument lintgate does not know is passed on as a pytest argument, in order.
 */
public final class PytestConfigCommand implements Callable<Integer> {
    private CommandSpec spec;
    private Path cwd;
    private String format;
    private String pytestVersion;
    private boolean allVersions;
    private List<String> pytestArgs = new ArrayList<>();

    /** picocli's model of this command, its options bound to this object's fields. */
    CommandSpec commandSpec() {
        spec = CommandSpecs.command(this, "pytest-config",
                "Show the rootdir, config file, ignored sibling configs, effective options (with file:line),",
                "asyncio settings and registered markers that pytest would use when run in DIR with PYTEST_ARGS.",
                "Exit 0 when pytest would start, 2 when it would stop on its config or on bad arguments.");
        spec.usageMessage().parameterListHeading("%nPytest arguments:%n")
                .footer("", "Example: lintgate pytest-config --cwd services/auth -- -c pytest.ini tests/");
        spec.addOption(option(Path.class, cwd, v -> cwd = v, "--cwd").paramLabel("DIR")
                .description("The directory pytest is started in (default: the current directory).").build());
        spec.addOption(option(String.class, format, v -> format = v, "--format").paramLabel("FORMAT").defaultValue("text")
                .description("text or json (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(option(String.class, pytestVersion, v -> pytestVersion = v, "--pytest-version").paramLabel("VERSION")
                .description("The pytest to model (8.4.2, 9.x...); default: the newest release the project's environment",
                        "admits (as `lintgate check` models it), else 9.1.1.").build());
        spec.addOption(option(boolean.class, allVersions, v -> allVersions = v, "--all-versions")
                .description("Show the report for every pytest release `lintgate check` models here, not only the newest.").build());
        // every argument lintgate does not know is pytest's
        spec.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringCollectionSupplier(
                new CommandSpecs.Field<List<String>>(pytestArgs, v -> pytestArgs = v)));
        return CommandSpecs.helpOptions(spec);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
        }
        Path dir = (cwd == null ? Path.of("") : cwd).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cwd " + cwd + ": not a directory");
        }
        try {
            dir = dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cwd " + cwd + ": " + e.getMessage());
        }
        List<PytestVersions.Modelled> modelled;
        try {
            modelled = pytestVersion != null
                    ? List.of(new PytestVersions.Modelled(PytestVersion.parse(pytestVersion), "--pytest-version", true))
                    : modelledAt(dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FileTree tree = FileTree.filesystem();
        List<String> args = new ArrayList<>(pytestArgs);
        if (!args.isEmpty() && args.get(0).equals("--")) args.remove(0);
        List<PytestVersions.Modelled> shown = allVersions ? modelled : List.of(modelled.get(modelled.size() - 1));
        Discovery.Files files = new Discovery.Files();
        List<Map<String, Object>> reports = new ArrayList<>();
        PytestRun stopped = null;
        for (PytestVersions.Modelled m : shown) {
            // pytest itself reads PYTEST_ADDOPTS before discovery; so does the model
            PytestRun run = new Discovery(tree, m.version(), files).run(dir.toString(), args, System.getenv("PYTEST_ADDOPTS"));
            if (stopped == null && run.error().isPresent()) stopped = run;
            Map<String, Object> report = PytestConfigReport.model(run, tree);
            report.put("modelledBecause", m.because());
            if (!allVersions && modelled.size() > 1) {
                report.put("alsoModelled", modelled.subList(0, modelled.size() - 1).stream()
                        .map(o -> o.version() + " (" + o.because() + ")").toList());
            }
            reports.add(report);
        }
        if (format.equals("json")) {
            out.print(allVersions ? PytestConfigReport.json(reports) : PytestConfigReport.json(reports.get(0)));
        } else {
            out.print(Printable.lines(String.join("\n", reports.stream().map(PytestConfigReport::text).toList())));
        }
        out.flush();
        if (stopped == null) return ExitCode.CLEAN;
        // exit 2 always has its one line on stderr; the report above says the rest
        String error = stopped.error().get();
        String where = stopped.errorLocation().map(l -> l.path() + ":" + l.region().startLine()).filter(l -> !error.contains(l)).orElse(null);
        spec.commandLine().getErr().println("lintgate: error: pytest " + stopped.version() + " would stop before collecting: "
                + (where == null ? "" : where + ": ") + Failures.oneLine(error));
        return ExitCode.ERROR;
    }

    /**
     * The releases {@code lintgate check} models for a run started in {@code dir}: from the environment of the
     * project around it (the repository lintgate would check, walked as it walks it).
     */
    private static List<PytestVersions.Modelled> modelledAt(Path dir) {
        Path root = ProjectRoot.discover(dir).directory();
        try {
            Project project = new ProjectLoader(root, root).load(List.of("."), null, false);
            String relative = root.relativize(dir).toString().replace('\\', '/');
            return project.fact(PytestVersions.FACT).at(relative);
        } catch (ConfigException e) {
            // a project lintgate cannot load still gets a report, of the newest release
            return List.of(new PytestVersions.Modelled(PytestVersion.DEFAULT, "lintgate cannot read the project: " + e.getMessage(), true));
        }
    }
}
