package dev.lintgate.rules.markers;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.environment.Environment;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PluginCatalog;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.python.Definition;
import dev.lintgate.python.PytestMarks;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;
import java.util.Optional;

/**
 * LG215: {@code pytest.mark.asyncio} or an {@code async def test_*} where pytest-asyncio is not there for the runs
 * that collect the module: the environment pytest runs in declares neither it nor a plugin that depends on it
 * (pytest-aiohttp), or the run disables it with {@code -p no:asyncio}. Async methods of test classes are left out (a
 * {@code unittest.IsolatedAsyncioTestCase} runs them itself), and so are modules that do not import pytest, modules
 * whose top-level directory holds a conftest or plugin module implementing {@code pytest_pyfunc_call} (it may run
 * coroutines itself), and environments that declare a pytest plugin outside the catalog (pytest-trio... run async
 * tests too). pytest 8.4 and later fail unhandled async tests ("async def functions are not natively supported"),
 * earlier versions skip them with a warning. An environment whose declarations cannot all be read, or that declares
 * nothing, cannot rule the plugin out; modules that use {@code anyio} marks are run by anyio's plugin; both are left
 * alone.
 */
public final class AsyncioWithoutPlugin implements ProjectRule {

    @Override
    public String code() {
        return "LG215";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel pytest, FindingSink sink) {
        MarkerModel model = pytest.markers();
        model.scanTestModules();
        PytestConfigModel config = model.config();
        PluginCatalog.Plugin asyncio = PluginCatalog.plugin("pytest-asyncio").orElseThrow();
        Severity severity = config.version().atLeast(8, 4) ? Severity.ERROR : Severity.WARNING;
        for (String module : model.reportedTestModules()) {
            List<PytestRun> runs = model.runsCollecting(module);
            // a run whose environment may install pytest-asyncio (an unreadable declaration) is not one without it
            PytestRun missing = runs.stream().filter(r -> absent(config, asyncio, r) || blocks(r)).findFirst().orElse(null);
            if (missing == null) continue;
            boolean declared = !absent(config, asyncio, missing);
            PytestMarks marks = model.marks(module).orElse(null);
            Optional<PythonFile> file = project.python(module);
            if (marks == null || file.isEmpty() || marks.uses().stream().anyMatch(u -> u.name().equals("anyio"))) continue;
            String why = !declared ? "the project does not declare pytest-asyncio"
                    : "pytest-asyncio is disabled with -p no:asyncio " + model.invocation(missing);
            String hidden = handListed(missing) ? "; `asyncio` listed in `markers` of " + model.configName(missing)
                    + " only hides the missing plugin" : "";
            for (PytestMarks.Use use : marks.uses()) {
                if (!use.name().equals("asyncio")) continue;
                sink.report(new Location(module, use.region()), "`pytest.mark.asyncio` does nothing: " + why + hidden,
                        "Add pytest-asyncio to the test dependencies.", "asyncio", List.of(), severity);
            }
            // an async test method may belong to a unittest.IsolatedAsyncioTestCase, which runs it without a plugin:
            // only module-level async tests of modules written for pytest count (and the imports and definitions of
            // a module without async functions are not worth its statement scan)
            boolean pytestStyle = !marks.asyncFunctions().isEmpty()
                    && file.get().imports().stream().anyMatch(b -> "pytest".equals(b.module()) || "pytest".equals(b.target()))
                    && config.plugins(missing.cwd()).foreign().isEmpty() && !model.customTestRunner(module);
            if (!pytestStyle) continue;
            for (Definition d : file.get().definitions()) {
                if (!d.moduleLevel() || d.kind() != Definition.Kind.FUNCTION || !d.name().startsWith("test")
                        || !marks.asyncFunctions().contains(d.nameRegion().startLine())) continue;
                sink.report(new Location(module, d.nameRegion()), "async test `" + d.name() + "` has no runner: " + why + hidden
                                + (severity == Severity.ERROR ? "; pytest " + config.version() + " fails it" : "; pytest skips it with a warning"),
                        "Add pytest-asyncio to the test dependencies.", d.name(), List.of(), severity);
            }
        }
    }

    private static boolean absent(PytestConfigModel config, PluginCatalog.Plugin asyncio, PytestRun run) {
        return config.plugins(run.cwd()).presence(asyncio) == Environment.Presence.ABSENT;
    }

    private static boolean blocks(PytestRun run) {
        return run.fullArgs() != null && run.fullArgs().blockedPlugins().contains("asyncio");
    }

    private static boolean handListed(PytestRun run) {
        try {
            return run.markerNames().contains("asyncio");
        } catch (PytestRun.TypeMismatch e) {
            return false;
        }
    }
}
