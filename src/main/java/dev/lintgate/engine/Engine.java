package dev.lintgate.engine;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.config.ConfigLoader;
import dev.lintgate.environment.DependencyFile;
import dev.lintgate.project.LinterIgnores;
import dev.lintgate.project.Project;
import dev.lintgate.pytest.ConfigKind;
import dev.lintgate.commands.RepositoryCommands;
import dev.lintgate.project.Survey;
import dev.lintgate.project.Triggers;
import dev.lintgate.python.ModuleNames;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.SyntaxProblem;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.ProjectRule;
import dev.lintgate.rules.Rule;
import dev.lintgate.rules.files.UnusedSuppression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the enabled rules over a project. Python files whose bytes hold none of the file rules' trigger words are
 * settled without being tokenized; the rest are scanned on all cores. Output is sorted and independent of the
 * number of threads.
 */
public final class Engine {
    private final RuleCatalog catalog;
    private final int threads;

    public Engine(RuleCatalog catalog, int threads) {
        this.catalog = catalog;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param filesChecked the targets lintgate reads that it did read
     * @param complete     false when some target could not be read: the run did not check everything it was given
     * @param scope        the files the run reports on ({@link TargetScope}): where a finding it did not report is gone
     */
    public record Result(List<Finding> findings, List<Notification> notifications, int filesChecked, boolean complete,
                         Set<String> scope) {
    }

    /**
     * Checks the project with the rules; when the project has a cache and an earlier run kept the result for the same
     * settings, rules and files, with nothing changed since, that result ({@link ResultCache}).
     */
    public Result run(Project project, List<Rule> rules) {
        Set<String> scope = TargetScope.of(project);
        ResultCache cache = ResultCache.of(project, rules);
        Optional<Result> kept = cache.replay(scope);
        if (kept.isPresent()) return kept.get();
        Result result = check(project, rules, scope);
        cache.keep(result);
        return result;
    }

    private Result check(Project project, List<Rule> rules, Set<String> scope) {
        project.reportOn(scope);
        Collector collector = new Collector(project, scope, rules);
        List<FileRule> fileRules = new ArrayList<>();
        List<ProjectRule> projectRules = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof FileRule f) fileRules.add(f);
            else if (rule instanceof ProjectRule p) projectRules.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lintgate-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            // rules that need a survey of every file (the deprecation index) run after the pass that feeds it
            List<FileRule> duringPass = new ArrayList<>();
            List<FileRule> afterPass = new ArrayList<>();
            Set<Survey> surveys = Collections.newSetFromMap(new IdentityHashMap<>());
            for (FileRule r : fileRules) {
                Optional<Survey> survey = r.survey(project);
                survey.ifPresent(surveys::add);
                (survey.isPresent() ? afterPass : duringPass).add(r);
            }
            // with a rule reporting syntax problems, a notification as well would say it twice
            boolean syntaxAsFindings = fileRules.stream().anyMatch(FileRule::reportsSyntaxProblems);
            List<String> targets = project.pythonFiles().stream().filter(scope::contains).toList();
            List<Future<?>> tasks = new ArrayList<>();
            Pass first = new Pass(project, duringPass, List.copyOf(surveys), syntaxAsFindings, collector);
            if (!duringPass.isEmpty() || !surveys.isEmpty()) submitChunks(pool, targets, first::check, tasks);
            // a run on a few files skips the rules that cannot report in any of them (most of what a hook passes)
            boolean partial = scope.size() < project.files().size();
            for (ProjectRule rule : projectRules) {
                if (partial && scope.stream().noneMatch(rule::reportsIn)) continue;
                tasks.add(pool.submit(() -> {
                    long start = project.timings().start();
                    rule.check(project, collector.sinkFor(rule));
                    project.timings().stop("rule " + rule.code(), start);
                }));
            }
            await(tasks);
            // the first pass's rules finish while the second pass runs: the survey's fact completes on one thread
            // for much of its time, and the other would wait for it
            List<Future<?>> finishing = new ArrayList<>();
            submitFinish(pool, project, duringPass, collector, finishing);
            if (!afterPass.isEmpty()) {
                // the survey is complete: its rules check the files it found, from what the first pass kept of them
                Pass late = new Pass(project, afterPass, List.of(), syntaxAsFindings, collector);
                submitChunks(pool, targets, late::check, finishing);
                await(finishing);
                finishing.clear();
                submitFinish(pool, project, afterPass, collector, finishing);
            }
            await(finishing);
        } finally {
            pool.shutdownNow();
        }
        // the files lintgate reads, not every walked file: a repository's images, data and compiled files are not
        // "checked" (on the standard library with site-packages the walk holds 50,000 files, 19,000 of them Python)
        List<String> readTargets = project.files().stream().filter(scope::contains).filter(Engine::isRead).toList();
        List<FileRule> reporters = fileRules.stream().filter(FileRule::reportsUnreadableFiles).toList();
        if (!reporters.isEmpty()) {
            // a target no rule opened (--select LG2 reads few Python files) is tried too: "checked" must be true of it
            long start = project.timings().startWall();
            List<String> unopened = readTargets.stream().filter(f -> !project.wasRead(f)).toList();
            (unopened.size() > 64 ? unopened.parallelStream() : unopened.stream()).forEach(project::tryRead);
            project.timings().stopWall("unreadable files: trying the files no rule read (wall)", start);
        }
        Map<String, String> unreadable = project.unreadable();
        unreadable.keySet().retainAll(scope);
        for (Map.Entry<String, String> e : unreadable.entrySet()) {
            for (FileRule rule : reporters) rule.unreadable(e.getKey(), e.getValue(), collector.sinkFor(rule));
            if (reporters.isEmpty()) {
                collector.notify(new Notification(Severity.WARNING, e.getValue() + "; it was not checked",
                        new Location(e.getKey(), dev.lintgate.finding.Region.line(1))));
            }
        }
        // nor is a file it could not read
        int checked = (int) readTargets.stream().filter(f -> !unreadable.containsKey(f)).count();
        return new Result(collector.findings(), collector.notifications(), checked, unreadable.isEmpty(), scope);
    }

    /** The files a run over the project reads and reports on ({@code --show-files}), sorted. */
    public static List<String> filesToCheck(Project project) {
        Set<String> scope = TargetScope.of(project);
        return project.files().stream().filter(scope::contains).filter(Engine::isRead).toList();
    }

    private static boolean isRead(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Project.isPython(path) || ConfigKind.ofFileName(name).isPresent() || ConfigLoader.CONFIG_NAMES.contains(name)
                || DependencyFile.of(path).isPresent() || RepositoryCommands.readsFile(path);
    }

    private void submitFinish(ExecutorService pool, Project project, List<FileRule> rules, Collector collector,
                              List<Future<?>> tasks) {
        for (FileRule rule : rules) {
            tasks.add(pool.submit(() -> {
                long start = project.timings().start();
                rule.finish(project, collector.sinkFor(rule));
                project.timings().stop("rule " + rule.code() + Timings.AFTER_ALL_FILES, start);
            }));
        }
    }

    private static void await(List<Future<?>> tasks) {
        for (Future<?> f : tasks) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // rethrown as it was thrown, so that the CLI tells an out-of-memory from a bug
                Throwable cause = e.getCause();
                if (cause instanceof Error error) throw error;
                if (cause instanceof RuntimeException runtime) throw runtime;
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void submitChunks(ExecutorService pool, List<String> targets, Consumer<String> check, List<Future<?>> tasks) {
        // contiguous chunks keep a thread on one directory, which the page cache likes; many of them, so that one
        // slow directory (numpy's tests) does not leave the other cores idle at the end
        int chunk = Math.max(8, targets.size() / (threads * 64) + 1);
        for (int i = 0; i < targets.size(); i += chunk) {
            List<String> slice = targets.subList(i, Math.min(targets.size(), i + chunk));
            tasks.add(pool.submit(() -> slice.forEach(check)));
        }
    }

    /** How the engine decides, per rule, whether a file can hold a finding. */
    private sealed interface FileFilter {
        record Known(Set<String> files) implements FileFilter {
        }

        record ByWords(Triggers words) implements FileFilter {
            // written out, as the generated ones compute them: see ProjectModel.Fact
            @Override
            public boolean equals(Object o) {
                return o instanceof ByWords b && Objects.equals(words, b.words);
            }

            @Override
            public int hashCode() {
                return Objects.hashCode(words);
            }
        }
    }

    /** One pass over the files: some rules, and the surveys to feed with every file read. */
    private final class Pass {
        private final Project project;
        private final List<FileRule> rules;
        /** The rules that look at stubs ({@code .pyi}), which never run: for most, nothing in a stub is scanned. */
        private final List<FileRule> stubRules;
        private final List<Survey> surveys;
        private final boolean syntaxAsFindings;
        private final Collector collector;
        private final Map<FileRule, FileFilter> filters = new HashMap<>();
        Pass(Project project, List<FileRule> rules, List<Survey> surveys, boolean syntaxAsFindings, Collector collector) {
            this.project = project;
            this.rules = rules;
            this.surveys = surveys;
            this.syntaxAsFindings = syntaxAsFindings;
            this.collector = collector;
            this.stubRules = rules.stream().filter(FileRule::checksStubs).toList();
            // rules with the same words share one automaton, so check scans a file's bytes once per word set
            Map<Set<String>, FileFilter.ByWords> byWords = new HashMap<>();
            for (FileRule r : rules) {
                filters.put(r, r.candidates(project).<FileFilter>map(FileFilter.Known::new)
                        .orElseGet(() -> byWords.computeIfAbsent(Set.copyOf(r.triggers(project)),
                                words -> new FileFilter.ByWords(new Triggers(words)))));
            }
        }

        void check(String path) {
            List<FileRule> forPath = ModuleNames.isStub(path) ? stubRules : rules;
            List<FileRule> applicable = new ArrayList<>();
            Map<FileFilter, Boolean> found = new HashMap<>(4);
            // when some rule looks at this file whatever it holds, the file's model is built anyway: rules that are
            // cheap on a built model then run without their byte search (it cost more than they do)
            boolean parsedAnyway = false;
            for (FileRule r : forPath) {
                FileFilter filter = filters.get(r);
                if (filter instanceof FileFilter.Known known ? known.files().contains(path)
                        : ((FileFilter.ByWords) filter).words().matchesEverything()) {
                    parsedAnyway = true;
                    break;
                }
            }
            byte[] content = null;
            if (!surveys.isEmpty()) {
                content = read(path);
                if (content == null) return;
            }
            for (FileRule r : forPath) {
                FileFilter filter = filters.get(r);
                if (filter instanceof FileFilter.Known known) {
                    if (known.files().contains(path)) applicable.add(r);
                    continue;
                }
                if (content == null) {
                    content = read(path);
                    if (content == null) return;
                }
                if (parsedAnyway && r.cheapOnBuiltModel()) {
                    applicable.add(r);
                    continue;
                }
                byte[] bytes = content;
                long scan = project.timings().start();
                if (found.computeIfAbsent(filter, f -> ((FileFilter.ByWords) f).words().foundIn(bytes))) applicable.add(r);
                project.timings().stop("trigger words", scan);
            }
            // a file a survey scans is the file the rules then check: held from the survey's scan to the rules' end,
            // its tokens are built once
            PythonFile[] surveyed = new PythonFile[1];
            if (!surveys.isEmpty()) {
                byte[] bytes = content;
                Supplier<PythonFile> scanned = () -> {
                    if (surveyed[0] == null) {
                        surveyed[0] = project.parse(path, bytes);
                        surveyed[0].retain();
                    }
                    return surveyed[0];
                };
                long start = project.timings().start();
                for (Survey survey : surveys) survey.take(path, bytes, scanned, !applicable.isEmpty());
                // the survey is where a file's tokens and statements are built in the first pass
                project.timings().stop("surveys (with the scans they start)", start);
            }
            if (applicable.isEmpty()) {
                if (surveyed[0] != null) surveyed[0].release();
                return;
            }
            PythonFile file = surveyed[0] != null ? surveyed[0]
                    : content != null ? project.parse(path, content) : project.python(path).orElse(null);
            if (file == null) return;
            file.retain();
            Timings timings = project.timings();
            long start = timings.start();
            List<SyntaxProblem> problems = file.syntaxProblems();
            timings.stop("scan: tokens and statements", start);
            if (!problems.isEmpty() && !syntaxAsFindings) {
                collector.notify(new Notification(Severity.WARNING,
                        "syntax error: " + SyntaxProblem.summary(problems) + "; the rest of the file was still checked",
                        new Location(path, problems.get(0).region())));
            }
            for (FileRule rule : applicable) {
                start = timings.start();
                rule.check(file, project, collector.sinkFor(rule));
                timings.stop("rule " + rule.code(), start);
            }
            file.release();
        }

        /** The file's bytes, or null when it cannot be read: the project remembers why, and the run's end says it. */
        private byte[] read(String path) {
            long read = project.timings().start();
            Optional<byte[]> bytes = project.bytes(path);
            project.timings().stop("read files", read);
            return bytes.orElse(null);
        }
    }

    /** The words every suppression comment holds, in any ASCII case, as {@link Suppressions} matches them. */
    private static final Triggers SUPPRESSION_WORDS = Triggers.ignoringAsciiCase(java.util.List.of("noqa", "lintgate"));

    /** Gathers findings from all threads, then filters and orders them once. */
    private final class Collector {
        private final Project project;
        private final Set<String> targets;
        private final PerFileIgnores perFileIgnores;
        /** The codes of the rules that ran, and LG002 when it is one of them. */
        private final Set<String> ran;
        private final UnusedSuppression unusedSuppression;
        private final ConcurrentLinkedQueue<Finding> raw = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Notification> notes = new ConcurrentLinkedQueue<>();

        Collector(Project project, Set<String> targets, List<Rule> rules) {
            this.project = project;
            this.targets = targets;
            this.ran = rules.stream().map(Rule::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
            this.unusedSuppression = rules.stream().filter(UnusedSuppression.class::isInstance).map(UnusedSuppression.class::cast)
                    .findFirst().orElse(null);
            this.perFileIgnores = PerFileIgnores.of(project.config(), project.settingsFile().orElse(null), catalog.all());
            notes.addAll(project.notifications());
        }

        FindingSink sinkFor(Rule rule) {
            RuleDoc doc = catalog.require(rule.code());
            return (location, message, fixHint, anchor, related, severity, fix) -> raw.add(new Finding(doc.code(),
                    severity == null ? doc.severity() : severity, message, location,
                    related == null ? List.<Related>of() : related, fixHint, anchor, fix));
        }

        void notify(Notification n) {
            notes.add(n);
        }

        List<Finding> findings() {
            // each file with findings is read again for its comments: in parallel, there may be thousands
            Map<String, Suppressions> suppressions = new ConcurrentHashMap<>();
            raw.stream().map(f -> f.location().path()).filter(targets::contains).distinct().toList()
                    .parallelStream().forEach(path -> suppressions.put(path, suppressionsOf(path)));
            Set<Finding> kept = new LinkedHashSet<>();
            Set<Use> used = new HashSet<>();
            for (Finding f : raw) {
                String path = f.location().path();
                if (!targets.contains(path) || perFileIgnores.ignores(path, f.code())) continue;
                if (keep(f, suppressions.get(path), used)) kept.add(f);
            }
            if (unusedSuppression != null) {
                for (Finding f : unusedSuppressions(suppressions, used)) {
                    String path = f.location().path();
                    if (!perFileIgnores.ignores(path, f.code()) && keep(f, suppressions.get(path), used)) kept.add(f);
                }
            }
            List<Finding> out = new ArrayList<>(kept);
            out.sort(Finding.ORDER);
            return Collections.unmodifiableList(out);
        }

        /** A code of a suppression comment that silenced a finding. */
        private record Use(Suppressions.Directive directive, String code) {
        }

        /** False when a suppression silences the finding (each one that does is remembered as used). */
        private boolean keep(Finding f, Suppressions s, Set<Use> used) {
            int line = f.location().region().startLine();
            List<Suppressions.Directive> by = s.suppressors(f.code(), line);
            if (by.isEmpty()) return !offAsCounterpart(f.code(), f.location().path(), line, s);
            for (Suppressions.Directive d : by) {
                used.add(new Use(d, d.codes().contains(f.code()) ? f.code() : "*"));
            }
            return false;
        }

        /**
         * LG002 over every file the run reports on that holds a suppression: each lintgate code in it that silenced
         * nothing, for the rules that ran (a code of a rule not selected may well be needed), and each code no rule
         * has. A bare {@code noqa} and other linters' codes are never lintgate's to call unused.
         */
        private List<Finding> unusedSuppressions(Map<String, Suppressions> suppressions, Set<Use> used) {
            List<String> files = targets.stream().filter(Engine::isRead).filter(p -> !suppressions.containsKey(p)).sorted().toList();
            (files.size() > 64 ? files.parallelStream() : files.stream()).forEach(p -> suppressions.put(p, suppressionsOf(p)));
            List<Finding> out = new ArrayList<>();
            FindingSink sink = (location, message, fixHint, anchor, related, severity, fix) -> out.add(new Finding("LG002",
                    severity == null ? catalog.require("LG002").severity() : severity, message, location,
                    related == null ? List.<Related>of() : related, fixHint, anchor, fix));
            for (Map.Entry<String, Suppressions> e : new java.util.TreeMap<>(suppressions).entrySet()) {
                if (!targets.contains(e.getKey()) || e.getValue().directives().isEmpty()) continue;
                String[] lines = null;
                for (Suppressions.Directive d : e.getValue().directives()) {
                    for (String code : d.codes()) {
                        if (code.equals("*") || !code.startsWith("LG") || code.equals("LG002")) continue;
                        boolean unknown = catalog.byCode(code).isEmpty();
                        if (!unknown && (!ran.contains(code) || used.contains(new Use(d, code)))) continue;
                        if (lines == null) lines = textLines(e.getKey());
                        Region at = UnusedSuppression.placeOf(code, d.line(), d.line() <= lines.length ? lines[d.line() - 1] : null);
                        if (unknown) {
                            unusedSuppression.unknown(e.getKey(), at, d.appliesTo(), code, Selection.isCodeOrPrefix(code, catalog.all()), sink);
                        } else {
                            unusedSuppression.unused(e.getKey(), at, d.appliesTo(), code, sink);
                        }
                    }
                }
            }
            return out;
        }

        List<Notification> notifications() {
            // a file checked in both passes tells its syntax problem (or that it cannot be read) twice
            List<Notification> out = new ArrayList<>(new LinkedHashSet<>(notes));
            out.sort((a, b) -> a.location().compareTo(b.location()));
            return out;
        }

        /**
         * A rule that is another linter's check (its page's counterparts: F821 for LG107) is off where the project
         * turned that check off: a {@code # noqa: F821} on the line, a file-wide ruff exemption, or the project's
         * ruff/flake8 settings (per-file ignores, excludes).
         */
        private boolean offAsCounterpart(String code, String path, int line, Suppressions s) {
            List<String> counterparts = catalog.require(code).counterparts();
            for (int i = 0; i < counterparts.size(); i++) {
                String c = counterparts.get(i);
                if (s.suppressesForeign(c, line) || project.fact(LinterIgnores.FACT).ignores(path, c)) return true;
            }
            return false;
        }

        /** The file's lines as text, for placing a finding on a comment; none when it cannot be read. */
        private String[] textLines(String path) {
            return project.bytes(path).map(b -> new String(b, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1)).orElse(new String[0]);
        }

        private Suppressions suppressionsOf(String path) {
            // a file that never says noqa or lintgate has none: most files, and then nothing is tokenized
            Optional<byte[]> bytes = project.bytes(path);
            if (bytes.isEmpty() || !SUPPRESSION_WORDS.foundIn(bytes.get())) return Suppressions.NONE;
            if (Project.isPython(path)) {
                return Suppressions.fromComments(project.parse(path, bytes.get()).comments());
            }
            if (Suppressions.isIni(path)) return Suppressions.fromIni(new String(bytes.get(), StandardCharsets.UTF_8));
            return Suppressions.fromText(new String(bytes.get(), StandardCharsets.UTF_8));
        }
    }
}
