package dev.lintgate.rules.markers;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.DefinedRuns;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestVersions;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.pytest.TestCollection;
import dev.lintgate.python.Definition;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LG216: a test module that no pytest run the repository defines collects ({@link TestCollection}): neither a bare
 * {@code pytest} at the root or beside a config, nor a pytest command of its tox files, noxfiles, Makefiles,
 * workflows or pre-commit hooks, nor a module those import that takes its tests in. The message names the runs and
 * why each passes the module by. Silent when some run's collection cannot be known.
 */
public final class UncollectedTestFile implements ProjectRule {

    private static final int SHOWN = 5;

    @Override
    public String code() {
        return "LG216";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        // a run belongs to the model of the pytest release its directory installs: a module is uncollected only when
        // the runs of every model pass it by, so this rule takes the union instead of judging each release apart
        List<PytestConfigModel> models = project.fact(PytestVersions.FACT).models();
        for (PytestConfigModel m : models) {
            if (!m.testCollection().unknownRuns().isEmpty()) return;
        }
        Set<String> seen = new HashSet<>();
        for (PytestConfigModel m : models) {
            for (String path : m.markers().reportedTestModules()) {
                if (!seen.add(path)) continue;
                if (models.stream().anyMatch(o -> collected(o.testCollection(), path))) continue;
                if (models.stream().noneMatch(o -> o.testCollection().isTestModule(path))) continue;
                report(project, models, path, sink);
            }
        }
    }

    private static boolean collected(TestCollection collection, String path) {
        // most modules are settled by their name and directory, without reading them
        return collection.settledByName(path) || !collection.collecting(path).isEmpty()
                || collection.collectedThrough(path).isPresent();
    }

    /** The finding, naming every run of every model and why each passes the module by. */
    private void report(ProjectModel project, List<PytestConfigModel> models, String path, FindingSink sink) {
        Optional<PythonFile> file = project.python(path);
        Region at = file.flatMap(f -> f.definitions().stream().filter(Definition::moduleLevel).findFirst())
                .map(Definition::nameRegion).orElse(Region.line(1));
        Map<String, List<DefinedRuns.Run>> byReason = new LinkedHashMap<>();
        Map<DefinedRuns.Run, MarkerModel> modelOf = new LinkedHashMap<>();
        for (PytestConfigModel m : models) {
            for (DefinedRuns.Run r : m.testCollection().runs()) {
                byReason.computeIfAbsent(m.markers().explainUncollected(r.run(), path), k -> new ArrayList<>()).add(r);
                modelOf.put(r, m.markers());
            }
        }
        List<String> parts = new ArrayList<>();
        List<Related> related = new ArrayList<>();
        byReason.forEach((reason, rs) -> {
            parts.add(runs(rs) + " " + (rs.size() == 1 ? reason : plural(reason)));
            for (DefinedRuns.Run r : rs) where(r, modelOf.get(r)).ifPresent(l -> related.add(new Related(l, r.shown() + " " + reason)));
        });
        sink.report(new Location(path, at),
                "no pytest run this repository defines collects " + path + ", so its tests never run: " + String.join("; ", parts),
                "Add its directory to `testpaths` or to the paths a run names, rename it to match `python_files`, "
                        + "or take it out of `norecursedirs`; delete it if it is not meant to run.",
                path, related, null);
    }

    /** "collects only [tests]" said of several runs: "collect only [tests]". */
    private static String plural(String reason) {
        int space = reason.indexOf(' ');
        String verb = space < 0 ? reason : reason.substring(0, space);
        return (verb.endsWith("s") ? verb.substring(0, verb.length() - 1) : verb) + (space < 0 ? "" : reason.substring(space));
    }

    /** "`pytest` at the root", "`pytest` at the root and 6 more (Makefile:5, Makefile:9, ...)". */
    private static String runs(List<DefinedRuns.Run> rs) {
        if (rs.size() == 1) return rs.get(0).describe();
        List<String> where = new ArrayList<>();
        for (DefinedRuns.Run r : rs.subList(1, rs.size())) where.add(r.source().isEmpty() ? r.describe() : r.source());
        String shown = where.size() > SHOWN
                ? String.join(", ", where.subList(0, SHOWN)) + " and " + (where.size() - SHOWN) + " more"
                : String.join(", ", where);
        return rs.get(0).describe() + " and " + (rs.size() - 1) + " more (" + shown + ")";
    }

    /** Where a run is defined: its command's line, or the config a bare run uses. */
    private static Optional<Location> where(DefinedRuns.Run r, MarkerModel model) {
        if (r.source().isEmpty()) {
            PytestRun run = r.run();
            return run.configFile().map(f -> model.config().sectionLocation(f));
        }
        int colon = r.source().lastIndexOf(':');
        if (colon < 0) return Optional.empty();
        try {
            return Optional.of(new Location(r.source().substring(0, colon), Region.line(Integer.parseInt(r.source().substring(colon + 1)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
