package dev.lintgate.rules.markers;

import dev.lintgate.config.EditDistance;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LG210: a mark a test module uses that a run collecting it does not register. One finding per use, naming every
 * invocation that fails; an error when one of them runs with strict markers (collection fails), else a warning
 * (PytestUnknownMarkWarning). Runs whose registry cannot be known statically are skipped; marks registered only by
 * a conftest outside the module's directory chain are LG213's.
 */
public final class UnregisteredMarker implements ProjectRule {

    // pytest fails on these whatever the configuration: "Unknown 'parameterize' mark, did you mean 'parametrize'?"
    private static final Set<String> PARAMETRIZE_TYPOS = Set.of("parameterize", "parametrise", "parameterise");

    @Override
    public String code() {
        return "LG210";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel pytest, FindingSink sink) {
        MarkerModel model = pytest.markers();
        model.scanTestModules();
        // a finding depends only on the runs that collect the module and the mark's name: each is built once
        Map<Key, Optional<Verdict>> verdicts = new ConcurrentHashMap<>();
        List<List<Verdict.At>> perModule = model.reportedTestModules().parallelStream().map(module -> {
            List<PytestRun> runs = model.runsCollecting(module);
            PytestMarks marks = runs.isEmpty() ? null : model.marks(module).orElse(null);
            if (marks == null) return List.<Verdict.At>of();
            List<Verdict.At> out = new ArrayList<>();
            for (PytestMarks.Use use : marks.uses()) {
                if (use.name().startsWith("_")) continue;
                verdicts.computeIfAbsent(new Key(runs, use.name()), k -> verdict(model, k.runs(), k.name()))
                        .ifPresent(v -> out.add(new Verdict.At(v, new Location(module, use.region()))));
            }
            return out;
        }).toList();
        // reported in module order, as a sequential loop would
        for (List<Verdict.At> findings : perModule) {
            for (Verdict.At f : findings) f.verdict().report(f.location(), sink);
        }
    }

    private record Key(List<PytestRun> runs, String name) {
    }

    /** The finding for one mark name under one set of runs, waiting for its locations. */
    private record Verdict(String name, String message, String hint, List<Related> related, Severity severity, Fix fix) {
        record At(Verdict verdict, Location location) {
        }

        void report(Location location, FindingSink sink) {
            sink.report(location, message, hint, name, related, severity, fix);
        }
    }

    private static Optional<Verdict> verdict(MarkerModel model, List<PytestRun> runs, String name) {
        List<PytestRun> failing = new ArrayList<>();
        boolean strict = PARAMETRIZE_TYPOS.contains(name);
        for (PytestRun run : runs) {
            MarkerModel.Registry registry = model.registry(run);
            // nothing registers the parametrize misspellings (pytest fails them by name), unknown plugins included
            if ((registry.unknownBecause() != null && !PARAMETRIZE_TYPOS.contains(name)) || registry.knows(name)) continue;
            failing.add(run);
            strict |= run.strictMarkers();
        }
        if (failing.isEmpty()) return Optional.empty();
        List<String> where = new ArrayList<>();
        List<Related> related = new ArrayList<>();
        for (PytestRun run : failing) {
            String outcome = PARAMETRIZE_TYPOS.contains(name) ? "collection fails"
                    : run.strictMarkers() ? "strict markers: collection fails" : "PytestUnknownMarkWarning";
            where.add(model.invocation(run) + " (" + model.configName(run) + ", " + outcome + ")");
            run.configFile().ifPresent(f -> related.add(new Related(model.config().sectionLocation(f),
                    "config used " + model.invocation(run))));
        }
        String near = nearest(name, failing, model);
        if (near.isEmpty()) near = null;
        String message = "marker `" + name + "` is not registered " + String.join("; nor ", where)
                + (near == null ? "" : "; did you mean `" + near + "`?");
        String nearName = near;
        String registeredBy = near == null ? "" : failing.stream().map(r -> model.registry(r).names().get(nearName)).filter(java.util.Objects::nonNull)
                .findFirst().map(sources -> " (registered by " + sources.get(0).what() + ")").orElse("");
        String hint = near != null ? "Use the registered marker `" + near + "`" + registeredBy + "."
                : failing.stream().allMatch(r -> r.configFile().isEmpty())
                ? "Register `" + name + "` in a pytest config file (`markers`) or a conftest.py above the module."
                : "Register `" + name + "` in the `markers` option of "
                + failing.stream().map(model::configName).distinct().reduce((a, b) -> a + " and " + b).orElse("the config") + ".";
        // a misspelling is fixed by the person who knows which marker was meant, not by registering it; with several
        // failing configs, each pass registers the marker in the first one still failing
        Fix fix = near != null ? null : failing.stream().map(r -> MarkerRegistration.of(model.config(), r, name))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return Optional.of(new Verdict(name, message, hint, List.copyOf(related), strict ? Severity.ERROR : Severity.WARNING, fix));
    }

    /** A registered name close to the used one: case-insensitively equal, or within two edits. */
    private static String nearest(String name, List<PytestRun> runs, MarkerModel model) {
        if (PARAMETRIZE_TYPOS.contains(name)) return "parametrize";
        return closest(name, runs, model);
    }

    private static String closest(String name, List<PytestRun> runs, MarkerModel model) {
        String lower = name.toLowerCase(Locale.ROOT);
        return runs.stream().flatMap(r -> model.registry(r).names().keySet().stream()).distinct()
                .filter(k -> k.toLowerCase(Locale.ROOT).equals(lower) || (name.length() > 3 && EditDistance.of(k, name) <= 2))
                .min(Comparator.comparingInt((String k) -> k.equalsIgnoreCase(name) ? 0 : EditDistance.of(k, name)).thenComparing(k -> k))
                .orElse("");
    }
}
