package dev.lintgate.rules.markers;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerEntries;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LG214 (off by default): a marker a live config registers that no test module or conftest in the repository uses.
 * Markers are also selected with {@code -m} on command lines lintgate cannot see, so this is only a note.
 */
public final class UnusedMarker implements ProjectRule {

    @Override
    public String code() {
        return "LG214";
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

    private void check(ProjectModel project, PytestConfigModel pytest, FindingSink sink) {
        MarkerModel model = pytest.markers();
        model.scanTestModules();
        Set<String> used = new HashSet<>();
        for (List<String> files : List.of(model.testModules(), model.conftests())) {
            for (String f : files) {
                model.marks(f).map(PytestMarks::uses).orElse(List.of()).forEach(u -> used.add(u.name()));
            }
        }
        for (PytestConfigFile f : model.config().liveConfigs()) {
            for (MarkerEntries.Entry e : MarkerEntries.of(model.config(), f)) {
                if (e.name().isEmpty() || used.contains(e.name())) continue;
                sink.report(e.location(), "marker `" + e.name() + "` is registered in " + f.displayPath() + " but no test uses it",
                        "Remove the entry, or keep it if CI selects it with -m.", e.name(), List.of(), null);
            }
        }
    }
}
