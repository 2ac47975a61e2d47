package dev.lintgate.rules.pytest;

import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;

/** LG201: a config file pytest never reads because a sibling with higher precedence holds pytest config too. */
public final class ShadowedPytestConfig implements ProjectRule {

    @Override
    public String code() {
        return "LG201";
    }

    /** Every finding is in a pytest config file (a section, a key, a syntax error there). */
    @Override
    public boolean reportsIn(String path) {
        return PytestConfigFile.mayBe(path);
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        for (PytestConfigFile f : model.candidates()) {
            model.shadowedBy(f).ifPresent(winner -> {
                List<String> lost = model.load(f).options().keySet().stream()
                        .filter(k -> k.equals("markers") || k.equals("addopts") || k.startsWith("asyncio_"))
                        .toList();
                String message = "pytest never reads " + model.describe(f) + ": " + winner.fileName()
                        + " in the same directory comes first and config files never merge";
                if (!lost.isEmpty()) {
                    message += ", so " + String.join(", ", lost) + " set here " + (lost.size() == 1 ? "has" : "have") + " no effect";
                }
                // settings that change which tests run or how (markers, asyncio, addopts) fail silently: error
                Severity severity = lost.isEmpty() ? Severity.WARNING : Severity.ERROR;
                sink.report(model.sectionLocation(f), message,
                        "Move the settings into " + winner.fileName() + " and delete this section.", f.path(),
                        List.of(new Related(model.sectionLocation(winner), "the config pytest uses in this directory")),
                        severity, ShadowedSettingsMove.of(model, f, winner));
            });
        }
    }
}
