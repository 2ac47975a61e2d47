package dev.lintgate.rules.markers;

import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerEntries;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LG211: one config's {@code markers} registers the same name twice ({@code db: x} and {@code db(name): y} both
 * register {@code db}). pytest does not mind, but {@code pytest --markers} shows both and one description is stale.
 */
public final class DuplicateMarker implements ProjectRule {

    @Override
    public String code() {
        return "LG211";
    }

    /** Every finding is in the {@code markers} option of a pytest config file. */
    @Override
    public boolean reportsIn(String path) {
        return PytestConfigFile.mayBe(path);
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        for (PytestConfigFile f : model.liveConfigs()) {
            Map<String, MarkerEntries.Entry> seen = new HashMap<>();
            for (MarkerEntries.Entry e : MarkerEntries.of(model, f)) {
                if (e.name().isEmpty()) continue;
                MarkerEntries.Entry first = seen.putIfAbsent(e.name(), e);
                if (first == null) continue;
                sink.report(e.location(), "marker `" + e.name() + "` is registered twice in " + model.describe(f)
                                + " (first on line " + first.location().region().startLine() + ")",
                        "Keep one entry for `" + e.name() + "`.", e.name(),
                        List.of(new Related(first.location(), "first registration of `" + e.name() + "`")), null);
            }
        }
    }
}
