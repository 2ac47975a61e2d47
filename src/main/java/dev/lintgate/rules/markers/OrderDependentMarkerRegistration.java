package dev.lintgate.rules.markers;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LG213: a mark that a run registers only through the {@code pytest_configure} of a conftest that is not in the
 * using module's directory chain. That conftest registers the marker when pytest collects its directory, so the
 * use passes or fails depending on whether that directory happens to be collected first.
 */
public final class OrderDependentMarkerRegistration implements ProjectRule {

    @Override
    public String code() {
        return "LG213";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel pytest, FindingSink sink) {
        MarkerModel model = pytest.markers();
        model.scanTestModules();
        // a finding depends only on the runs collecting the module, its directory and the mark's name
        Map<Key, Optional<Verdict>> verdicts = new ConcurrentHashMap<>();
        // one thread: the work per module is a few lookups, and LG210 keeps the other cores busy meanwhile
        List<List<Verdict.At>> perModule = model.reportedTestModules().stream().map(module -> {
            PytestMarks marks = model.marks(module).orElse(null);
            if (marks == null || marks.uses().isEmpty()) return List.<Verdict.At>of();
            List<PytestRun> runs = model.runsCollecting(module);
            String dir = module.contains("/") ? module.substring(0, module.lastIndexOf('/')) : "";
            List<Verdict.At> out = new ArrayList<>();
            for (PytestMarks.Use use : marks.uses()) {
                verdicts.computeIfAbsent(new Key(runs, dir, use.name()), k -> verdict(model, k))
                        .ifPresent(v -> out.add(new Verdict.At(v, new Location(module, use.region()))));
            }
            return out;
        }).toList();
        // reported in module order, as a sequential loop would
        for (List<Verdict.At> findings : perModule) {
            for (Verdict.At f : findings) f.verdict().report(f.location(), sink);
        }
    }

    private record Key(List<PytestRun> runs, String dir, String name) {
    }

    /** The finding for one mark name used in one directory under one set of runs, waiting for its locations. */
    private record Verdict(String name, String message, String hint, List<Related> related) {
        record At(Verdict verdict, Location location) {
        }

        void report(Location location, FindingSink sink) {
            sink.report(location, message, hint, name, related, null);
        }
    }

    private static Optional<Verdict> verdict(MarkerModel model, Key key) {
        String name = key.name();
        for (PytestRun run : key.runs()) {
            MarkerModel.Registry registry = model.registry(run);
            if (registry.unknownBecause() != null || !registry.knows(name)) continue;
            List<MarkerModel.Source> sources = registry.names().get(name);
            if (!sources.stream().allMatch(s -> s.conftestDir() != null && !isUnder(key.dir(), s.conftestDir()))) continue;
            MarkerModel.Source first = sources.get(0);
            List<Related> related = new ArrayList<>();
            sources.forEach(s -> related.add(new Related(s.location(), "registered here, when pytest collects " + display(s.conftestDir()))));
            return Optional.of(new Verdict(name,
                    "marker `" + name + "` is registered only by the conftest in " + display(first.conftestDir())
                            + ", outside this module's directories: " + model.invocation(run)
                            + " it is known only if that directory is collected first",
                    "Register `" + name + "` in the `markers` option of " + model.configName(run)
                            + ", or in a conftest.py above every module that uses it.",
                    List.copyOf(related)));
        }
        return Optional.empty();
    }

    /** Whether a module in {@code moduleDir} lies below the conftest's directory. */
    private static boolean isUnder(String moduleDir, String dir) {
        return dir.isEmpty() || moduleDir.equals(dir) || moduleDir.startsWith(dir + "/");
    }

    private static String display(String dir) {
        return dir.isEmpty() ? "the repository root" : dir + "/";
    }
}
