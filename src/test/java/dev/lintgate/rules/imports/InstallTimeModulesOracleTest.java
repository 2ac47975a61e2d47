package dev.lintgate.rules.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.TestTrees;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.python.ModuleNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real build backends as the oracle for {@link GeneratedModules}: every project of the LG106 fixture
 * {@code install-time-modules-clean} whose backend the local package index holds (setuptools-scm from pyproject.toml
 * and from setup.py, hatch-vcs) is built into a wheel from a copy of the fixture, and the Python files the build
 * wrote into the source tree must be exactly the modules lintgate expects to be written. pdm-backend is not in the
 * local index: its project is listed as not built, and its {@code write_to} is taken from its documentation.
 */
class InstallTimeModulesOracleTest {
    private static final Path CASE = Path.of("testdata/rules/LG106/install-time-modules-clean");
    /** Backends the local index holds, by the directory of the fixture's project that uses them. */
    private static final List<String> BUILT = List.of("scm", "hatch", "setup_py");

    @Test
    void buildsWriteExactlyTheModulesLintgateExpects() throws Exception {
        Path work = Files.createTempDirectory("install-time-modules");
        TestTrees.copy(CASE, work);
        Set<String> before = pythonFiles(work);
        Path python = venv();
        for (String project : BUILT) {
            // the version comes from the VCS; a pretended one lets the copy build without a git checkout
            run(work, List.of(python.toString(), "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check",
                    "-w", work.resolve("wheels").toString(), "./" + project));
        }
        Project project = new ProjectLoader(work, work).load(List.of("."), null, false);
        Set<String> written = new TreeSet<>();
        for (String f : pythonFiles(work)) {
            if (!before.contains(f) && !f.contains("/build/")) written.add(ModuleNames.moduleName(f, project.config().src()));
        }
        Set<String> expected = new TreeSet<>();
        for (String module : project.fact(GeneratedModules.FACT)) {
            String file = project.moduleFile(module.substring(0, module.indexOf('.'))).orElse("");
            if (BUILT.stream().anyMatch(built -> file.startsWith(built + "/"))) expected.add(module);
        }
        System.out.printf("install-time modules oracle: built %s; the builds wrote %s; not built (backend not in the "
                + "local index): pdm%n", BUILT, written);
        assertTrue(written.size() >= 4, "the builds wrote too little to compare: " + written);
        assertEquals(expected, written, "modules lintgate expects the builds to write vs the modules they wrote");
    }

    private static Set<String> pythonFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".py")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** A venv with pip only: the builds fetch their backends from the local index into isolated environments. */
    private static Path venv() throws IOException, InterruptedException {
        Path dir = Path.of("target", "build-venv").toAbsolutePath();
        Path python = dir.resolve("bin/python");
        if (!Files.isExecutable(python)) run(Path.of("."), List.of("python3", "-m", "venv", "--clear", dir.toString()));
        return python;
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        // the default index would make pip retry for minutes without a network
        pb.environment().put("PIP_INDEX_URL", "file:///opt/pypi/simple");
        pb.environment().put("SETUPTOOLS_SCM_PRETEND_VERSION", "1.2.3");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) fail(String.join(" ", command) + " failed:\n" + out);
    }
}
