package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.environment.Environment;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestConfigModelTest {
    @TempDir
    Path root;

    private PytestConfigModel model(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        Project project = new ProjectLoader(root, root).load(List.of("."), null, false);
        List<PytestConfigModel> models = project.fact(PytestVersions.FACT).models();
        assertEquals(1, models.size(), "one pytest release modelled");
        return models.get(0);
    }

    private static List<String> configs(List<PytestRun> runs) {
        return runs.stream().map(r -> r.configFile().map(PytestConfigFile::path).orElse("-")).toList();
    }

    @Test
    void governingHonoursTestpathsAndNorecursedirs() throws IOException {
        PytestConfigModel m = model(Map.of(
                "pyproject.toml", "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n",
                "tests/test_a.py", "",
                "services/a/pytest.ini", "[pytest]\n",
                "services/a/test_a.py", "",
                "tools/pytest.ini", "[pytest]\nnorecursedirs = vendored\n",
                "tools/vendored/test_v.py", ""));
        assertEquals(List.of("pyproject.toml"), configs(m.governing("tests")));
        // a bare pytest at the root collects only testpaths; but `cd services && pytest` also uses the root config
        // (testpaths apply only when started in the rootdir) and does collect services/a
        assertEquals(List.of("services/a/pytest.ini", "pyproject.toml"), configs(m.governing("services/a")));
        assertFalse(m.collects(m.rootRun(), "services/a"));
        // tools/ skips vendored/ when run from tools/; pytest tools/vendored still uses tools/pytest.ini
        assertEquals(List.of("tools/pytest.ini"), configs(m.governing("tools/vendored")));
        assertEquals(List.of("services/a", "tests", "tools/vendored"), m.testDirs());
    }

    @Test
    void ancestorRunWithoutTestpathsGovernsNestedTests() throws IOException {
        PytestConfigModel m = model(Map.of(
                "pytest.ini", "[pytest]\nasyncio_mode = auto\n",
                "svc/pyproject.toml", "[tool.pytest.ini_options]\n",
                "svc/tests/test_x.py", ""));
        assertEquals(List.of("svc/pyproject.toml", "pytest.ini"), configs(m.governing("svc/tests")));
    }

    @Test
    void deadFilesAndTheirReasons() throws IOException {
        PytestConfigModel m = model(Map.of(
                "pytest.ini", "",
                "pyproject.toml", "[tool.pytest.ini_options]\n",
                "tox.ini", "[tox]\n",
                "requirements.txt", "pytest==8.4.2\n",
                "pytest.toml", "[pytest]\n"));
        assertEquals(PytestVersion.parse("8.4.2"), m.version());
        assertEquals("pinned by pytest==8.4.2 in requirements.txt", m.versions().at("").get(0).because());
        PytestConfigFile pyproject = m.discovery().file("pyproject.toml").orElseThrow();
        assertEquals("shadowed by pytest.ini in the same directory", m.deadReason(pyproject).orElseThrow());
        assertEquals("pytest 8.4.2 never reads pytest.toml", m.deadReason(m.discovery().file("pytest.toml").orElseThrow()).orElseThrow());
        assertFalse(m.deadReason(m.discovery().file("tox.ini").orElseThrow()).isPresent());
        assertEquals(List.of("pytest.ini"), m.liveConfigs().stream().map(PytestConfigFile::path).toList());
    }

    @Test
    void versionFromLockFileAndPluginsFromDependencies() throws IOException {
        PytestConfigModel m = model(Map.of(
                "uv.lock", "[[package]]\nname = \"pytest\"\nversion = \"9.0.2\"\n",
                "pyproject.toml", "[project]\ndependencies = [\"pytest-timeout>=2\", \"pytest_asyncio\"]\n"));
        assertEquals(PytestVersion.parse("9.0.2"), m.version());
        InstalledPlugins plugins = m.plugins("");
        assertEquals(Environment.Presence.DECLARED, plugins.presence(PluginCatalog.plugin("pytest-asyncio").orElseThrow()));
        assertEquals(Environment.Presence.DECLARED, plugins.presence(PluginCatalog.plugin("pytest_timeout").orElseThrow()));
        assertEquals(Environment.Presence.ABSENT, plugins.presence(PluginCatalog.plugin("pytest-xdist").orElseThrow()));
        assertTrue(m.asyncioUsed(""));
    }

    @Test
    void versionsParseAsReleaseLines() {
        assertEquals("8.4.2", PytestVersion.parse("8").toString());
        assertEquals("8.4.2", PytestVersion.parse("8.x").toString());
        assertEquals("9.0.3", PytestVersion.parse("9.0").toString());
        assertEquals("9.1.1", PytestVersion.parse("9.x").toString());
        assertFalse(PytestVersion.parse("9.0.1").addoptsStrictFlagsWork());
        assertTrue(PytestVersion.parse("8.4.2").addoptsStrictFlagsWork());
        assertFalse(PytestVersion.parse("8.4.2").addoptsOverridesWork());
    }
}
