package dev.lintgate.rules.markers;

import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerEntries;
import dev.lintgate.pytest.MarkerLine;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestOption;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LG212: a {@code markers} entry that registers no usable marker (empty name, whitespace, comma-separated names,
 * written as code), or, in an INI file, a marker line that lost its indentation and became a key of its own
 * (iniconfig makes {@code slow: slow tests} under {@code markers =} the key {@code slow}): the marker it meant is
 * not registered.
 */
public final class MalformedMarkerEntry implements ProjectRule {

    @Override
    public String code() {
        return "LG212";
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
            for (MarkerEntries.Entry e : MarkerEntries.of(model, f)) {
                Optional<String> problem = MarkerLine.problem(e.line());
                problem.ifPresent(p -> sink.report(e.location(), "markers entry `" + e.line() + "` in " + f.displayPath()
                        + " is malformed: " + p, "Write one marker per line as `name: description`.", e.line(), List.of(), null));
            }
            lostIndentation(model, f, sink);
        }
    }

    /** Unknown keys that directly follow {@code markers} (or another such key) in an INI section. */
    private static void lostIndentation(PytestConfigModel model, PytestConfigFile f, FindingSink sink) {
        if (f.ini().isEmpty()) return;
        PytestRun run = model.runFor(f);
        Map<String, String> known = model.knownKeys(run);
        List<PytestOption> options = model.load(f).options().values().stream()
                .filter(o -> o.keyLocation() != null)
                .sorted(Comparator.comparingInt(o -> o.keyLocation().region().startLine())).toList();
        PytestOption markers = null;
        for (PytestOption o : options) {
            if (o.key().equals("markers")) {
                markers = o;
            } else if (markers != null && !known.containsKey(o.key()) && MarkerLine.problem(o.key()).isEmpty()) {
                sink.report(o.keyLocation(), "`" + o.key() + "` lost its indentation: pytest reads it as a key of its own, "
                                + "so marker `" + o.key() + "` is not registered", "Indent the line under `markers =`.", o.key(),
                        List.of(new Related(markers.keyLocation(), "the markers option it belongs to")), null);
            } else {
                markers = null;
            }
        }
    }
}
