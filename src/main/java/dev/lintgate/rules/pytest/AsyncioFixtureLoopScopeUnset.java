package dev.lintgate.rules.pytest;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.List;

/**
 * LG204: pytest-asyncio is in use and a config pytest uses leaves {@code asyncio_default_fixture_loop_scope}
 * unset. pytest-asyncio's own deprecation warning about it is emitted in pytest_configure, where pytest 8.4 and
 * later no longer show warnings, so nobody sees it.
 */
public final class AsyncioFixtureLoopScopeUnset implements ProjectRule {

    @Override
    public String code() {
        return "LG204";
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
        List<PytestConfigFile> unset = new ArrayList<>();
        for (PytestConfigFile f : model.liveConfigs()) {
            PytestRun run = model.runFor(f);
            if (run.error().isPresent() || !run.configFile().map(c -> c.path().equals(f.path())).orElse(false)) continue;
            if (run.fullArgs() != null && run.fullArgs().blockedPlugins().contains("asyncio")) continue;
            try {
                if (run.fixtureLoopScope() == null) unset.add(f);
            } catch (PytestRun.TypeMismatch e) {
                // a value of the wrong type is set, not unset
            }
        }
        for (PytestConfigFile f : unset) {
            // whether asyncio is used may take a scan of every Python file: only asked when there is something to say
            if (!model.asyncioUsed(model.runFor(f).cwd())) continue;
            String mode;
            try {
                mode = model.runFor(f).asyncioMode();
            } catch (PytestRun.TypeMismatch e) {
                mode = "strict";
            }
            sink.report(model.sectionLocation(f), model.describe(f) + " leaves asyncio_default_fixture_loop_scope unset (asyncio_mode "
                            + mode + "): each async fixture then runs in the event loop of its own caching scope, a default "
                            + "pytest-asyncio has deprecated" + (model.version().atLeast(8, 4)
                                    ? ", and its warning about it is invisible on pytest 8.4 and later"
                                    : " (it warns at startup)"),
                    "Set asyncio_default_fixture_loop_scope = function (or the scope your async fixtures share with the tests).",
                    f.path(), List.of(), null);
        }
    }
}
