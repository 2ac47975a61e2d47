package dev.lintgate.rules.markers;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.List;

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
        MarkerModel model = project.fact(MarkerModel.FACT);
        model.scanTestModules();
        for (String module : model.testModules()) {
            PytestMarks marks = model.marks(module).orElse(null);
            if (marks == null) continue;
            for (PytestMarks.Use use : marks.uses()) {
                for (PytestRun run : model.runsCollecting(module)) {
                    MarkerModel.Registry registry = model.registry(run);
                    if (registry.unknownBecause() != null || !registry.knows(use.name())) continue;
                    List<MarkerModel.Source> sources = registry.names().get(use.name());
                    if (!sources.stream().allMatch(s -> s.conftestDir() != null && !isUnder(module, s.conftestDir()))) continue;
                    MarkerModel.Source first = sources.get(0);
                    List<Related> related = new ArrayList<>();
                    sources.forEach(s -> related.add(new Related(s.location(), "registered here, when pytest collects " + display(s.conftestDir()))));
                    sink.report(new Location(module, use.region()),
                            "marker `" + use.name() + "` is registered only by the conftest in " + display(first.conftestDir())
                                    + ", outside this module's directories: " + model.invocation(run)
                                    + " it is known only if that directory is collected first",
                            "Register `" + use.name() + "` in the `markers` option of " + model.configName(run)
                                    + ", or in a conftest.py above every module that uses it.",
                            use.name(), related, null);
                    break;
                }
            }
        }
    }

    private static boolean isUnder(String module, String dir) {
        return dir.isEmpty() || module.startsWith(dir + "/");
    }

    private static String display(String dir) {
        return dir.isEmpty() ? "the repository root" : dir + "/";
    }
}
