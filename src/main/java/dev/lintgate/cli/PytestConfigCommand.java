package dev.lintgate.cli;

import dev.lintgate.pytest.Discovery;
import dev.lintgate.pytest.FileTree;
import dev.lintgate.pytest.PytestConfigReport;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.pytest.PytestVersion;
import dev.lintgate.report.Printable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lintgate pytest-config}: what pytest would use for one invocation, for people debugging "why does pytest
 * ignore my setting". Every argument lintgate does not know is passed on as a pytest argument, in order.
 */
@Command(name = "pytest-config", mixinStandardHelpOptions = true, versionProvider = LintgateCommand.VersionProvider.class,
        description = {"Show the rootdir, config file, ignored sibling configs, effective options (with file:line),",
                "asyncio settings and registered markers that pytest would use when run in DIR with PYTEST_ARGS.",
                "Exit 0 when pytest would start, 2 when it would stop on its config or on bad arguments."},
        parameterListHeading = "%nPytest arguments:%n",
        footer = {"", "Example: lintgate pytest-config --cwd services/auth -- -c pytest.ini tests/"})
public final class PytestConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cwd", paramLabel = "DIR", description = "The directory pytest is started in (default: the current directory).")
    Path cwd;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--pytest-version", paramLabel = "VERSION",
            description = "The pytest to model (8.4.2, 9.x...); default: the version pinned in the nearest dependency files, else 9.1.1.")
    String pytestVersion;

    @CommandLine.Unmatched
    List<String> pytestArgs = new ArrayList<>();

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
        PytestVersion version;
        try {
            version = pytestVersion != null ? PytestVersion.parse(pytestVersion) : detect(dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FileTree tree = FileTree.filesystem();
        List<String> args = new ArrayList<>(pytestArgs);
        if (!args.isEmpty() && args.get(0).equals("--")) args.remove(0);
        // pytest itself reads PYTEST_ADDOPTS before discovery; so does the model
        PytestRun run = new Discovery(tree, version).run(dir.toString(), args, System.getenv("PYTEST_ADDOPTS"));
        Map<String, Object> model = PytestConfigReport.model(run, tree);
        out.print(format.equals("json") ? PytestConfigReport.json(model) : Printable.lines(PytestConfigReport.text(model)));
        out.flush();
        if (run.error().isEmpty()) return ExitCode.CLEAN;
        // exit 2 always has its one line on stderr; the report above says the rest
        String error = run.error().get();
        String where = run.errorLocation().map(l -> l.path() + ":" + l.region().startLine()).filter(l -> !error.contains(l)).orElse(null);
        spec.commandLine().getErr().println("lintgate: error: pytest would stop before collecting: "
                + (where == null ? "" : where + ": ") + Failures.oneLine(error));
        return ExitCode.ERROR;
    }

    /** The pin in the nearest directory (walking up from the cwd) whose dependency files pin pytest. */
    private static PytestVersion detect(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            try (var files = Files.list(d)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!PytestVersion.mayPin(name) || !Files.isRegularFile(f)) continue;
                    var pin = PytestVersion.pinnedIn(name, Files.readString(f));
                    if (pin.isPresent()) return pin.get();
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // unreadable directories or files simply pin nothing
            }
            if (Files.exists(d.resolve(".git"))) break;
        }
        return PytestVersion.DEFAULT;
    }
}
