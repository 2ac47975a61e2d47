package dev.lintgate.rules.pytest;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LG205: async fixtures and async tests are configured to run in different event loops. pytest-asyncio does not
 * complain, but anything a fixture binds to its loop (a connection pool, a client session) fails in the test with
 * "attached to a different loop".
 */
public final class AsyncioLoopScopeMismatch implements ProjectRule {

    @Override
    public String code() {
        return "LG205";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PytestConfigModel model = project.fact(PytestConfigModel.FACT);
        for (PytestConfigFile f : model.liveConfigs()) {
            PytestRun run = model.runFor(f);
            if (run.error().isPresent() || !run.configFile().map(c -> c.path().equals(f.path())).orElse(false)) continue;
            String fixture;
            String test;
            try {
                fixture = run.fixtureLoopScope();
                test = run.testLoopScope();
            } catch (PytestRun.TypeMismatch e) {
                continue;
            }
            if (fixture == null || fixture.equals(test) || !InvalidPytestOptionValue.SCOPES.contains(fixture)
                    || !InvalidPytestOptionValue.SCOPES.contains(test)) continue;
            Optional<PytestRun.Value> fv = run.value("asyncio_default_fixture_loop_scope");
            Optional<PytestRun.Value> tv = run.value("asyncio_default_test_loop_scope");
            Location at = fv.map(PytestRun.Value::location).orElse(null);
            if (at == null) at = tv.map(PytestRun.Value::location).orElse(model.sectionLocation(f));
            List<Related> related = new ArrayList<>();
            tv.map(PytestRun.Value::location).filter(l -> l != null).ifPresent(l -> related.add(new Related(l, "the test loop scope")));
            sink.report(at, "async fixtures run in the " + fixture + "-scoped event loop but async tests in the " + test
                            + "-scoped one" + (tv.isEmpty() ? " (asyncio_default_test_loop_scope defaults to function)" : "")
                            + ": objects a fixture binds to its loop fail in the test with 'attached to a different loop'",
                    "Set asyncio_default_test_loop_scope = " + fixture + " too, or use the same scope for both.",
                    "asyncio_default_fixture_loop_scope", related, null);
        }
    }
}
