package dev.lintgate.cli;

import static dev.lintgate.cli.CommandSpecs.list;
import static dev.lintgate.cli.CommandSpecs.option;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.config.ConfigException;
import dev.lintgate.engine.Engine;
import dev.lintgate.engine.Selection;
import dev.lintgate.engine.Timings;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.project.Repository;
import dev.lintgate.report.Baseline;
import dev.lintgate.report.BaselineOutcome;
import dev.lintgate.report.FixSummary;
import dev.lintgate.report.Printable;
import dev.lintgate.report.Report;
import dev.lintgate.report.Reporter;
import dev.lintgate.report.SarifReporter;
import dev.lintgate.report.SourceLines;
import dev.lintgate.report.StatisticsReporter;
import dev.lintgate.report.StepSummaryReporter;
import dev.lintgate.report.Tally;
import dev.lintgate.report.TextReporter;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code lintgate check}: its options, which {@code lintgate baseline} shares, are declared in {@link #commandSpec(String, String)}. */
public class CheckCommand implements Callable<Integer> {
    CommandSpec spec;

    List<String> paths = new ArrayList<>();
    Path config;
    Path projectRoot;
    List<String> select = new ArrayList<>();
    List<String> extendSelect = new ArrayList<>();
    List<String> ignore = new ArrayList<>();
    OutputFormat format;
    Path output;
    Path sarifOutput;
    String sarifCategory;
    String sarifSourceRoot;
    String failLevel = "warning";
    boolean exitZero;
    boolean quiet;
    ColorChoice color = ColorChoice.AUTO;
    boolean forceExclude;
    boolean fix;
    boolean unsafeFixes;
    boolean diff;
    int threads = Runtime.getRuntime().availableProcessors();
    Path baseline;
    boolean showBaselined;
    boolean updateBaseline;
    String diffBase;
    boolean statistics;
    boolean showSettings;
    boolean showFiles;
    Path stdinFilename;
    boolean noCache;
    Path cacheDir;
    /** The caller's working directory and environment (this process's, or a server client's), set by {@link LintgateCommand}. */
    Invocation invocation;

    /** picocli's model of this command, its options bound to this object's fields. */
    CommandSpec commandSpec() {
        return commandSpec("check", "Check files and directories (default: the current directory).");
    }

    /** The options of {@code check}, in the order its help lists them. */
    final CommandSpec commandSpec(String name, String description) {
        spec = CommandSpecs.command(this, name, description);
        spec.usageMessage().sortOptions(false);
        CommandSpecs.Field<List<String>> pathsField = new CommandSpecs.Field<>(paths, v -> paths = v);
        spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*").type(List.class).auxiliaryTypes(String.class)
                .getter(pathsField).setter(pathsField).initialValue(paths).hasInitialValue(true)
                .description("Files or directories to check. Named files are always checked.").build());
        spec.addOption(option(Path.class, config, v -> config = v, "--config").paramLabel("FILE")
                .description("Settings file (lintgate.toml or pyproject.toml) instead of the one found at the project root.").build());
        spec.addOption(option(Path.class, projectRoot, v -> projectRoot = v, "--project-root").paramLabel("DIR")
                .description("Project root instead of the discovered one; paths in output are relative to it.").build());
        spec.addOption(list(select, v -> select = v, "--select").paramLabel("CODE")
                .description("Rule codes or prefixes to run (replaces the configured select), e.g. LG1,LG201.").build());
        spec.addOption(list(extendSelect, v -> extendSelect = v, "--extend-select").paramLabel("CODE")
                .description("Rule codes or prefixes to run in addition to the selected ones.").build());
        spec.addOption(list(ignore, v -> ignore = v, "--ignore").paramLabel("CODE")
                .description("Rule codes or prefixes to skip (added to the configured ignore).").build());
        spec.addOption(option(OutputFormat.class, format, v -> format = v, "--format", "--output-format").paramLabel("FORMAT")
                .converters(new FormatConverter())
                .description("text, concise, json, json-lines, sarif or github (default: $LINTGATE_OUTPUT_FORMAT, else text).").build());
        spec.addOption(option(Path.class, output, v -> output = v, "-o", "--output").paramLabel("FILE")
                .description("Write the report to FILE instead of standard output.").build());
        spec.addOption(option(Path.class, sarifOutput, v -> sarifOutput = v, "--sarif-output").paramLabel("FILE")
                .description("Also write a SARIF 2.1.0 log to FILE in the same run.").build());
        spec.addOption(option(String.class, sarifCategory, v -> sarifCategory = v, "--sarif-category").paramLabel("NAME")
                .description("SARIF automationDetails category (default: lintgate, or lintgate/DIR for a project in DIR of the repository).").build());
        spec.addOption(option(String.class, sarifSourceRoot, v -> sarifSourceRoot = v, "--sarif-source-root").paramLabel("URI")
                .description("Absolute URI of the repository root for originalUriBaseIds (default: the git top level as a file: URI).").build());
        spec.addOption(option(String.class, failLevel, v -> failLevel = v, "--fail-level").paramLabel("LEVEL")
                .description("Lowest severity that makes the exit code 1: note, warning or error (default: warning).").build());
        spec.addOption(option(boolean.class, exitZero, v -> exitZero = v, "--exit-zero")
                .description("Exit 0 even when there are findings (errors of lintgate itself still exit 2).").build());
        spec.addOption(option(boolean.class, quiet, v -> quiet = v, "-q", "--quiet")
                .description("Print findings only: no summary line and no notifications.").build());
        spec.addOption(option(ColorChoice.class, color, v -> color = v, "--color").paramLabel("WHEN")
                .description("auto, always or never (auto honours NO_COLOR and FORCE_COLOR).").build());
        spec.addOption(option(boolean.class, forceExclude, v -> forceExclude = v, "--force-exclude")
                .description("Apply exclude settings to files named on the command line too (for pre-commit).").build());
        spec.addOption(option(boolean.class, fix, v -> fix = v, "--fix")
                .description("Apply the fixes of fixable findings ([*] in the text output), then report what remains.").build());
        spec.addOption(option(boolean.class, unsafeFixes, v -> unsafeFixes = v, "--unsafe-fixes")
                .description("Count and apply unsafe fixes too (fixes that may change what the code does).").build());
        spec.addOption(option(boolean.class, diff, v -> diff = v, "--diff")
                .description("Print the changes --fix would make as a unified diff and change nothing; exit 1 if there would be changes.").build());
        spec.addOption(option(int.class, threads, v -> threads = v, "--threads").paramLabel("N")
                .description("Worker threads (default: the number of cores).").build());
        spec.addOption(option(Path.class, baseline, v -> baseline = v, "--baseline").paramLabel("FILE")
                .description("Findings recorded in FILE (by 'lintgate baseline') are baselined: counted, not listed, and they do not fail the run (default: the 'baseline' setting).").build());
        spec.addOption(option(boolean.class, showBaselined, v -> showBaselined = v, "--show-baselined")
                .description("List the baselined findings too, marked as such.").build());
        spec.addOption(option(boolean.class, updateBaseline, v -> updateBaseline = v, "--update-baseline")
                .description("Drop from the baseline file the findings that are fixed; new findings are not added.").build());
        spec.addOption(option(String.class, diffBase, v -> diffBase = v, "--diff-base").paramLabel("REF")
                .description("Report only the findings a change since the merge base with REF (git) can have caused: on lines added or changed, and wherever a changed config, conftest.py, dependency file or lintgate setting takes effect.").build());
        spec.addOption(option(boolean.class, statistics, v -> statistics = v, "--statistics")
                .description("Print the number of findings per rule instead of the findings.").build());
        spec.addOption(option(boolean.class, showSettings, v -> showSettings = v, "--show-settings")
                .description("Print the settings files found, the one used, and each resolved setting with the file and line it came from; check nothing.").build());
        spec.addOption(option(boolean.class, showFiles, v -> showFiles = v, "--show-files")
                .description("Print the files a check would read, one per line; check nothing.").build());
        spec.addOption(option(Path.class, stdinFilename, v -> stdinFilename = v, "--stdin-filename").paramLabel("PATH")
                .description("With the path '-': check the Python source read from standard input as the file PATH of its project (for editors).").build());
        spec.addOption(option(boolean.class, noCache, v -> noCache = v, "--no-cache")
                .description("Keep nothing between runs: no kept result to replay, no per-file facts; check every file again.").build());
        spec.addOption(option(Path.class, cacheDir, v -> cacheDir = v, "--cache-dir").paramLabel("DIR")
                .description("Cache directory instead of .lintgate_cache at the project root (also LINTGATE_CACHE_DIR).").build());
        return CommandSpecs.helpOptions(spec);
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** True for {@code lintgate baseline}, which records the findings instead of reporting them. */
    boolean recordsBaseline() {
        return false;
    }

    @Override
    public Integer call() throws IOException {
        try {
            return check();
        } finally {
            // the kept result is written beside the report (ResultCache); the run ends when it is on disk
            if (loaded != null) loaded.finishCacheWrites();
        }
    }

    /** The project of this run once loaded, for {@link #call} to finish its cache writes. */
    private Project loaded;

    private Integer check() throws IOException {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 or more, not " + threads);
        }
        if (output != null && sarifOutput != null
                && OutputFile.destination(output).equals(OutputFile.destination(sarifOutput))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "-o and --sarif-output both name " + sarifOutput + ": one report would overwrite the other");
        }
        OutputFormat fmt = format != null ? format : formatFromEnvironment();
        Severity failAt = parseFailLevel();
        Path cwd = invocation.workingDirectory();
        java.time.Instant runStart = java.time.Instant.now();
        Timings timings = Timings.fromEnvironment(invocation.environment());
        long start = timings.startWall();
        RuleCatalog catalog = RuleCatalog.bundled();
        StdinSource stdin = StdinSource.of(paths, stdinFilename, spec.commandLine());
        if (stdin != null && (fix || diff)) {
            // a fix would write the editor's unsaved buffer over the file on disk
            throw new CommandLine.ParameterException(spec.commandLine(), "--fix and --diff do not work on standard input (--stdin-filename)");
        }
        List<String> loadPaths = stdin != null ? List.of(stdin.path().toString()) : paths;
        ProjectLoader loader = new ProjectLoader(cwd, projectRoot, code -> Selection.isCodeOrPrefix(code, catalog.all()))
                .walks(invocation.walks());
        loaded = loader.load(loadPaths, config, forceExclude);
        if (stdin != null) stdin.applyTo(loaded, cwd);
        CacheRun.apply(loaded, cwd, invocation.environment(), noCache, cacheDir, runStart);
        loaded.timings(timings);
        timings.stopWall("phase: settings and file walk (wall)", start);
        if (showSettings) {
            ShowSettings.print(loaded, config, cwd, spec.commandLine().getOut());
            return ExitCode.CLEAN;
        }
        if (showFiles) {
            PrintWriter out = spec.commandLine().getOut();
            for (String f : Engine.filesToCheck(loaded)) out.println(Printable.line(f));
            out.flush();
            return ExitCode.CLEAN;
        }
        start = timings.startWall();
        List<Rule> rules = enabledRules(catalog, loaded);
        timings.stopWall("phase: rule selection (wall)", start);
        start = timings.startWall();
        Engine engine = new Engine(catalog, threads);
        FixRun.Pass pass = new FixRun.Pass(loaded, engine.run(loaded, rules));
        FixRun.Written fixed = FixRun.Written.NOTHING;
        if (fix || diff) {
            var outcome = FixRun.run(pass, () -> loader.load(loadPaths, config, forceExclude), p -> enabledRules(catalog, p),
                    engine, unsafeFixes);
            if (diff) return FixRun.showDiff(outcome, spec.commandLine().getOut(), spec.commandLine().getErr());
            fixed = FixRun.write(outcome, spec.commandLine().getErr());
            pass = outcome.result();
        }
        Project project = pass.project();
        Engine.Result result = pass.result();
        timings.stopWall("phase: rules (wall)", start);
        start = timings.startWall();

        BaselineRun baselineRun = new BaselineRun(cwd, project, result, rules, baseline);
        if (recordsBaseline()) {
            Path written = baselineRun.fileToWrite(project);
            Baseline recorded = baselineRun.record(project, result);
            spec.commandLine().getOut().println("Recorded " + Tally.plural(recorded.findingCount(), "finding")
                    + " in " + baselineRun.shown(written) + ".");
            spec.commandLine().getOut().flush();
            return ExitCode.CLEAN;
        }
        if (updateBaseline && !baselineRun.active()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--update-baseline needs a baseline: --baseline FILE or the 'baseline' setting");
        }
        List<Finding> reported = result.findings();
        BaselineOutcome outcome = BaselineOutcome.NONE;
        if (baselineRun.active()) {
            Baseline.Matched matched = baselineRun.match(result, updateBaseline);
            reported = matched.fresh();
            outcome = BaselineOutcome.of(matched, showBaselined, updateBaseline ? baselineRun.shownFile() : null);
        }
        List<Notification> notifications = result.notifications();
        if (diffBase != null) {
            DiffBaseRun diff = DiffBaseRun.of(project, diffBase, reported, notifications);
            reported = diff.findings();
            notifications = diff.notifications();
        }
        // what --fix could do for the findings shown: a baselined finding is fixed too, but is not counted here
        List<String> fixSummary = new ArrayList<>(fixed.summary());
        fixSummary.addAll(FixSummary.available(reported, unsafeFixes));
        Report report = new Report(reported, notifications, catalog.all(),
                Version.current(), result.filesChecked(), result.complete(), SourceLines.reading(project::bytes), outcome);
        SarifReporter.Options sarif = write(report, project, fmt, fixSummary);
        timings.stopWall("phase: report (wall)", start);
        timings.print(spec.commandLine().getErr());
        int leftOut = new SarifReporter(sarif).resultsLeftOut(report);
        if (leftOut > 0 && (fmt == OutputFormat.SARIF || sarifOutput != null)) {
            spec.commandLine().getErr().println("lintgate: warning: SARIF holds at most " + SarifReporter.MAX_RESULTS
                    + " results; " + leftOut + " of the least severe were left out");
        }
        if (fixed.failed()) return ExitCode.ERROR;
        boolean failing = reported.stream().map(Finding::severity).anyMatch(s -> s.compareTo(failAt) >= 0);
        return failing && !exitZero ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** The text formats mark fixable findings {@code [*]} and end with what {@code --fix} did or could do. */
    /**
     * Writes the report in the format asked for (to {@code -o} or standard output), the SARIF log of
     * {@code --sarif-output} and GitHub's step summary; returns the SARIF options the logs were written with.
     */
    private SarifReporter.Options write(Report report, Project project, OutputFormat fmt, List<String> fixSummary)
            throws IOException {
        // GitHub attaches annotations and SARIF results by their path from the repository root, which is not the
        // project root when the Python project is a subdirectory of the repository
        Optional<Repository> repository = Repository.containing(project.root());
        Path top = repository.map(Repository::topLevel).orElse(project.root());
        String projectDir = repository.map(r -> r.relative(project.root())).orElse("");
        String prefix = projectDir.isEmpty() ? "" : projectDir + "/";
        Report forGithub = report.under(projectDir, SourceLines.reading(
                p -> p.startsWith(prefix) ? project.bytes(p.substring(prefix.length())) : Optional.empty()));
        SarifReporter.Options sarif = sarifOptions(repository, top, projectDir);
        Report shown = fmt.forGithub() ? forGithub : report;
        if (output != null) {
            OutputFile.write(output, w -> reporter(fmt.reporter(false, quiet, sarif), fixSummary).write(shown, w));
        } else {
            PrintWriter out = spec.commandLine().getOut();
            boolean colour = fmt.isText() && color.enabled(invocation.environment(), invocation.terminal());
            reporter(fmt.reporter(colour, quiet, sarif), fixSummary).write(shown, out);
            out.flush();
        }
        if (sarifOutput != null) {
            OutputFile.write(sarifOutput, w -> OutputFormat.SARIF.reporter(false, false, sarif).write(forGithub, w));
        }
        String stepSummary = invocation.env("GITHUB_STEP_SUMMARY");
        if (fmt == OutputFormat.GITHUB && stepSummary != null && !stepSummary.isBlank()) {
            // appended, as GitHub expects: other steps' summaries share the file
            try (var w = java.nio.file.Files.newBufferedWriter(invocation.workingDirectory().resolve(stepSummary), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                new StepSummaryReporter().write(forGithub, w);
            }
        }
        return sarif;
    }

    /** {@code --statistics} replaces the format's reporter; the text formats mark fixable findings and say what --fix can do. */
    private Reporter reporter(Reporter ofFormat, List<String> fixSummary) {
        if (statistics) return new StatisticsReporter();
        return ofFormat instanceof TextReporter t ? t.withFixes(f -> f.fixable(unsafeFixes), fixSummary) : ofFormat;
    }

    /**
     * By default the log says where it came from, as GitHub reads it: the repository root as the source root, the
     * remote, commit and branch, and a category per project directory, so that two projects of one repository
     * upload side by side instead of replacing each other.
     */
    private SarifReporter.Options sarifOptions(Optional<Repository> repository, Path top, String projectDir) {
        SarifReporter.Options o = SarifReporter.Options.DEFAULT
                .withCategory(sarifCategory != null ? sarifCategory : projectDir.isEmpty() ? "lintgate" : "lintgate/" + projectDir);
        try {
            o = o.withSourceRoot(sarifSourceRoot != null ? sarifSourceRoot : top.toUri().toString());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sarif-source-root: " + e.getMessage());
        }
        if (repository.isPresent() && repository.get().remoteUrl().isPresent()) {
            Repository r = repository.get();
            o = o.withVersionControl(new SarifReporter.VersionControl(r.remoteUrl().get(), r.commit().orElse(null),
                    r.branch().orElse(null)));
        }
        return o;
    }

    private List<Rule> enabledRules(RuleCatalog catalog, Project project) {
        List<RuleDoc> docs = catalog.all();
        List<String> sel = new ArrayList<>(select.isEmpty() ? project.config().select() : select);
        if (!extendSelect.isEmpty()) {
            if (sel.isEmpty()) docs.stream().filter(RuleDoc::enabledByDefault).map(RuleDoc::code).forEach(sel::add);
            sel.addAll(extendSelect);
        }
        List<String> ign = new ArrayList<>(project.config().ignore());
        ign.addAll(ignore);
        // the settings' codes were checked where they are written, with their file and line; these are the command line's
        for (String code : concat(concat(select, extendSelect), ignore)) {
            if (!Selection.isCodeOrPrefix(code, docs)) {
                throw new ConfigException("unknown rule code or prefix '" + code + "' on the command line (see 'lintgate rules')");
            }
        }
        Selection selection = new Selection(sel, ign);
        Set<String> enabled = docs.stream().filter(selection::enabled).map(RuleDoc::code).collect(Collectors.toSet());
        return AllRules.create().stream().filter(r -> enabled.contains(r.code())).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private OutputFormat formatFromEnvironment() {
        String env = invocation.env("LINTGATE_OUTPUT_FORMAT");
        if (env == null || env.isBlank()) return OutputFormat.TEXT;
        try {
            return OutputFormat.parse(env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "LINTGATE_OUTPUT_FORMAT: " + e.getMessage());
        }
    }

    private Severity parseFailLevel() {
        try {
            return Severity.parse(failLevel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-level: " + e.getMessage());
        }
    }
}
