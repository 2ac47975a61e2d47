package dev.lintgate.rules.pytest;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.pytest.AsyncFixtures;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.nio.charset.StandardCharsets;
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
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        checkConfigs(model, sink);
        checkFixtures(project, model, sink);
    }

    /**
     * An async fixture cached wider than the loop it runs in: pytest-asyncio then requests the narrower
     * {@code _<scope>_scoped_runner} from a wider request and pytest fails the setup with ScopeMismatch.
     */
    private void checkFixtures(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        // each fixture is reported where it is defined: only the files the run reports on are read
        List<String> candidates = project.pythonFiles().stream().filter(project::reportsOn).filter(path -> {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.equals("conftest.py") || name.startsWith("test_") || name.endsWith("_test.py");
        }).toList();
        // on all cores, and decoded only when it can hold an async fixture
        List<List<AsyncFixtures.AsyncFixture>> found = candidates.parallelStream().map(path -> fixturesIn(project, path)).toList();
        for (int i = 0; i < candidates.size(); i++) {
            String path = candidates.get(i);
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            for (AsyncFixtures.AsyncFixture fx : found.get(i)) {
                int cached = rank(fx.scope() == null ? "function" : fx.scope());
                if (cached < 0) continue;
                List<String> configs = new ArrayList<>();
                List<Related> related = new ArrayList<>();
                String loop = null;
                for (PytestRun run : model.governing(dir)) {
                    String mode;
                    String configured;
                    try {
                        mode = run.asyncioMode();
                        configured = run.fixtureLoopScope();
                    } catch (PytestRun.TypeMismatch e) {
                        continue;
                    }
                    // strict mode leaves plain @pytest.fixture coroutines to pytest, which does not run them in a loop
                    if (!fx.pytestAsyncio() && !mode.equals("auto")) continue;
                    String l = fx.loopScope() != null ? fx.loopScope() : configured != null ? configured : fx.scope() == null ? "function" : fx.scope();
                    if (rank(l) < 0 || rank(l) >= cached) continue;
                    loop = l;
                    String cfg = run.configFile().map(PytestConfigFile::displayPath).orElse("pytest's defaults");
                    configs.add(cfg);
                    run.value("asyncio_default_fixture_loop_scope").map(PytestRun.Value::location).filter(x -> x != null)
                            .ifPresent(x -> related.add(new Related(x, "the fixture loop scope used with this config")));
                }
                if (loop == null) continue;
                String source = fx.loopScope() != null ? "its loop_scope" : "asyncio_default_fixture_loop_scope in " + String.join(", ", configs);
                sink.report(new Location(path, fx.decorator()), "async fixture `" + fx.name() + "` is cached per "
                                + (fx.scope() == null ? "function" : fx.scope()) + " but runs in the " + loop + "-scoped event loop ("
                                + source + "): its setup fails with ScopeMismatch",
                        "Give the fixture loop_scope=\"" + (fx.scope() == null ? "function" : fx.scope()) + "\" (a loop at least as wide as its scope).",
                        fx.name(), related, Severity.ERROR);
            }
        }
    }

    private static final Triggers ASYNC = new Triggers(List.of("async"));
    private static final Triggers FIXTURE = new Triggers(List.of("fixture"));

    private static List<AsyncFixtures.AsyncFixture> fixturesIn(ProjectModel project, String path) {
        byte[] bytes = project.bytes(path).orElse(new byte[0]);
        // ASCII words: found in the bytes exactly when found in the decoded text
        if (!FIXTURE.foundIn(bytes) || !ASYNC.foundIn(bytes)) return List.of();
        return AsyncFixtures.scan(new String(bytes, StandardCharsets.UTF_8));
    }

    private static int rank(String scope) {
        return InvalidPytestOptionValue.SCOPES.indexOf(scope);
    }

    private void checkConfigs(PytestConfigModel model, FindingSink sink) {
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
