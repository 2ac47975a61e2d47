package dev.lintgate.rules.markers;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerModel;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.python.Definition;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LG216: a module that defines tests which no argument-less pytest run (from the repository root or from the directory of a config above it)
 * collects: it is outside every {@code testpaths}, under {@code norecursedirs}, or its name does not match
 * {@code python_files}. Such tests never run and never fail. Only modules that look like tests are considered
 * (named {@code test*}/{@code *_test(s).py}/{@code tests.py}, or inside a {@code test}/{@code tests} directory), so
 * a library function that happens to start with "test" is not a test file.
 */
public final class UncollectedTestFile implements ProjectRule {

    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "testing");

    @Override
    public String code() {
        return "LG216";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel pytest, FindingSink sink) {
        MarkerModel model = pytest.markers();
        for (String path : project.pythonFiles()) {
            if (!looksLikeTests(path)) continue;
            // settled without reading the module's definitions, which most runs never need
            if (model.startingRunsCollecting(path).stream().anyMatch(MarkerModel::defaultTestNames)) continue;
            if (!model.definesTests(path, null) || model.collectedWithoutArguments(path)) continue;
            Optional<PythonFile> file = project.python(path);
            Region at = file.flatMap(f -> f.definitions().stream().filter(Definition::moduleLevel).findFirst())
                    .map(Definition::nameRegion).orElse(Region.line(1));
            sink.report(new Location(path, at),
                    "no pytest run collects " + path + ": " + model.explainUncollected(model.config().rootRun(), path)
                            + ", so its tests never run",
                    "Rename the file to match `python_files`, or add its directory to `testpaths` (and out of `norecursedirs`).",
                    path, List.of(), null);
        }
    }

    private static boolean looksLikeTests(String path) {
        if (!path.endsWith(".py")) return false;
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("conftest.py") || name.equals("__init__.py")) return false;
        if (name.startsWith("test") || name.endsWith("_test.py") || name.endsWith("_tests.py")) return true;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (TEST_DIRS.contains(parts[i])) return true;
        }
        return false;
    }
}
