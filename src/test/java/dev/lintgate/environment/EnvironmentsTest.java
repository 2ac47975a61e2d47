package dev.lintgate.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentsTest {
    @TempDir
    Path root;

    private static final List<Release> PYTEST = List.of(Release.of("8.4.2"), Release.of("9.0.3"), Release.of("9.1.1"));

    private Environments read(String... pathsAndTexts) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        Project project = new ProjectLoader(root, root).load(List.of("."), null, false);
        return project.fact(Environments.FACT);
    }

    private static List<String> admitted(Environment env, String name, List<Release> known) {
        return env.admitted(name, known).stream().map(a -> a.version() + " " + a.reason()).toList();
    }

    @Test
    void pipCompileFilesIncludesAndConstraints() throws IOException {
        Environment env = read(
                "requirements/test.in", "-r base.in\npytest\npytest-aiohttp\n",
                "requirements/base.in", "aiohttp\n",
                "requirements/test.txt", "pytest==9.1.1 \\\n    --hash=sha256:abc\n    # via -r requirements/test.in\n"
                        + "pytest-asyncio==1.4.0 ; python_version >= \"3.9\"  # via pytest-aiohttp\n",
                "requirements/dev.txt", "-c constraints.txt\n-e .\npytest-timeout\n",
                "requirements/constraints.txt", "pytest-timeout==2.4.0\n",
                "setup.cfg", "[tool:pytest]\nasyncio_mode = auto\n").project("");
        assertEquals(Environment.Presence.DECLARED, env.presence("pytest_asyncio"));
        assertEquals(Environment.Presence.DECLARED, env.presence("Pytest.Aiohttp"));
        assertEquals(Environment.Presence.ABSENT, env.presence("pytest-xdist"));
        // the bare "pytest" of test.in is narrowed by the test.txt pip-compile made of it
        assertEquals(List.of("9.1.1 pinned by pytest==9.1.1 in requirements/test.txt"), admitted(env, "pytest", PYTEST));
        // dev.txt's bare pytest-timeout is narrowed by its -c file
        assertEquals(List.of("2.4.0 pinned by pytest-timeout==2.4.0 in requirements/constraints.txt"),
                admitted(env, "pytest-timeout", List.of(Release.of("2.4.0"), Release.yanked("2.5.0"))));
        assertTrue(env.unreadable().isEmpty(), env.unreadable().toString());
    }

    @Test
    void rangesAdmitTheNewestReleaseOfEachLineAndABareNameTheNewest() throws IOException {
        Environment ranged = read("requirements.txt", "pytest>=8.4.1\n").project("");
        assertEquals(List.of("8.4.2 admitted by pytest>=8.4.1 in requirements.txt", "9.0.3 admitted by pytest>=8.4.1 in requirements.txt",
                "9.1.1 admitted by pytest>=8.4.1 in requirements.txt"), admitted(ranged, "pytest", PYTEST));
        Files.writeString(root.resolve("requirements.txt"), "pytest\n");
        Environment bare = read().project("");
        assertEquals(List.of("9.1.1 admitted by pytest in requirements.txt"), admitted(bare, "pytest", PYTEST));
        // a yanked release is installed only by a pin to it
        assertEquals(List.of("2.4.0 admitted by pytest-timeout in requirements.txt"), admitted(read("requirements.txt",
                "pytest-timeout\n").project(""), "pytest-timeout", List.of(Release.of("2.4.0"), Release.yanked("2.5.0"))));
        assertEquals(List.of("2.5.0 pinned by pytest-timeout==2.5.0 in requirements.txt"), admitted(read("requirements.txt",
                "pytest-timeout==2.5.0\n").project(""), "pytest-timeout", List.of(Release.of("2.4.0"), Release.yanked("2.5.0"))));
    }

    @Test
    void pyprojectTables() throws IOException {
        Environment env = read("pyproject.toml", """
                [project]
                name = "acme"
                dependencies = ["httpx>=0.27"]
                [project.optional-dependencies]
                test = ["pytest-mock"]
                [dependency-groups]
                tests = [{include-group = "lint"}, "pytest-timeout>=2.4.0"]
                lint = ["ruff"]
                [tool.poetry.group.dev.dependencies]
                pytest = "^8.3.1"
                pytest-xdist = { version = ">=3.1", extras = ["psutil"] }
                [tool.pdm.dev-dependencies]
                test = ["pytest-cov", "-e file:///${PROJECT_ROOT}/libs/foo#egg=foo"]
                [tool.uv]
                dev-dependencies = ["anyio"]
                [tool.hatch.envs.test]
                dependencies = ["hypothesis"]
                """).project("");
        for (String name : List.of("httpx", "pytest-mock", "pytest-timeout", "ruff", "pytest", "pytest-xdist", "pytest-cov", "foo", "anyio", "hypothesis")) {
            assertEquals(Environment.Presence.DECLARED, env.presence(name), name);
        }
        // Poetry's caret: >=8.3.1,<9.0.0
        assertEquals(List.of("8.4.2 admitted by pytest ^8.3.1 in pyproject.toml"), admitted(env, "pytest", PYTEST));
        assertTrue(env.unreadable().isEmpty(), env.unreadable().toString());
    }

    @Test
    void whatLintgateCannotReadMakesAbsenceUnknown() throws IOException {
        Environment dynamic = read("pyproject.toml", "[project]\nname = \"a\"\ndynamic = [\"dependencies\"]\n").project("");
        assertEquals(Environment.Presence.UNKNOWN, dynamic.presence("pytest-asyncio"));
        assertEquals("lintgate cannot read pyproject.toml:3 (dependencies are dynamic: the build backend computes them)",
                dynamic.unknownBecause().orElseThrow());
        Environment setuptoolsFile = read("pyproject.toml", "[project]\nname = \"a\"\ndynamic = [\"dependencies\"]\n"
                + "[tool.setuptools.dynamic]\ndependencies = {file = [\"deps.txt\"]}\n", "deps.txt", "pytest-asyncio\n").project("");
        assertEquals(Environment.Presence.DECLARED, setuptoolsFile.presence("pytest-asyncio"));
        assertEquals(Environment.Presence.ABSENT, setuptoolsFile.presence("pytest-timeout"));
        Environment setupPy = read("setup.py", "from setuptools import setup\nsetup(install_requires=REQS)\n", "pyproject.toml", "").project("");
        assertEquals(Environment.Presence.UNKNOWN, setupPy.presence("pytest-timeout"));
    }

    @Test
    void unreadableRequirementLinesAreKept() throws IOException {
        Environment env = read("requirements.txt", "git+https://example.com/x.git#egg=xdist_fork\n./libs/local\n${DEP}\n"
                + "https://files.example.com/pkgs/pytest_mock-3.16.0-py3-none-any.whl\n").project("");
        assertEquals(Environment.Presence.DECLARED, env.presence("xdist-fork"));
        assertEquals(List.of("3.16.0 pinned by pytest_mock @ https://files.example.com/pkgs/pytest_mock-3.16.0-py3-none-any.whl"
                        + " in requirements.txt"),
                admitted(env, "pytest-mock", List.of(Release.of("3.16.0"))));
        assertEquals(2, env.unreadable().size(), env.unreadable().toString());
        assertEquals(Environment.Presence.UNKNOWN, env.presence("pytest-asyncio"));
    }

    @Test
    void setupCfgToxAndPipfile() throws IOException {
        Environment env = read(
                "setup.cfg", "[metadata]\nname = a\n[options]\ninstall_requires =\n    attrs\n    # a comment\n"
                        + "[options.extras_require]\ntest =\n    pytest-timeout; python_version > \"3.8\"\n",
                "tox.ini", "[base]\ndeps = pytest-mock\n[testenv]\ndeps =\n    py311,mysql: pytest>=7.0.0,<10  # comment\n"
                        + "    {[base]deps}\n    -r{toxinidir}/extra.txt\n    dbapimain: git+https://x/y.git\\#egg=aiosqlite\n"
                        + "[testenv:lint]\ndeps = {[testenv]deps}\n",
                "extra.txt", "pytest-xdist\n",
                "Pipfile", "[packages]\nrequests = \"*\"\n[dev-packages]\nflaky = \">=3\"\n").project("");
        for (String name : List.of("attrs", "pytest-timeout", "pytest", "pytest-mock", "pytest-xdist", "aiosqlite", "requests", "flaky")) {
            assertEquals(Environment.Presence.DECLARED, env.presence(name), name);
        }
        assertEquals(List.of("8.4.2 admitted by pytest>=7.0.0,<10 in tox.ini", "9.0.3 admitted by pytest>=7.0.0,<10 in tox.ini",
                "9.1.1 admitted by pytest>=7.0.0,<10 in tox.ini"), admitted(env, "pytest", PYTEST));
        assertTrue(env.unreadable().isEmpty(), env.unreadable().toString());
    }

    @Test
    void lockFilesByTheirPackageTablesOnly() throws IOException {
        Environment env = read("pyproject.toml", "[tool.poetry]\nname = \"a\"\n[tool.poetry.dependencies]\npytest = \">=8\"\n",
                "poetry.lock", """
                        [[package]]
                        name = "pytest"
                        version = "9.0.3"

                        [package.extras]
                        dev = ["pytest-asyncio (>=0.17)", "pytest-trio"]

                        [[package]]
                        name = "anyio"
                        version = "4.13.0"
                        description = "name = \\"pytest-asyncio\\""
                        [package.dependencies]
                        idna = ">=2.8"
                        """).project("");
        assertEquals(Environment.Presence.ABSENT, env.presence("pytest-asyncio"));
        assertEquals(Environment.Presence.ABSENT, env.presence("pytest-trio"));
        assertEquals(List.of("9.0.3 locked in poetry.lock"), admitted(env, "pytest", PYTEST));
    }

    @Test
    void pipfileLock() throws IOException {
        Environment json = read("Pipfile.lock", "{\"_meta\": {}, \"default\": {\"pytest\": {\"version\": \"==8.4.1\"}},"
                + " \"develop\": {\"pytest-xdist\": {\"hashes\": [], \"version\": \"==3.8.0\"}}}").project("");
        assertEquals(List.of("8.4.1 locked in Pipfile.lock"), admitted(json, "pytest", PYTEST));
        assertEquals(Environment.Presence.DECLARED, json.presence("pytest-xdist"));
    }

    @Test
    void nestedProjectsAndUvWorkspaces() throws IOException {
        Environments envs = read(
                "pyproject.toml", "[project]\nname = \"root\"\ndependencies = [\"pytest\"]\n",
                "uv.lock", "[[package]]\nname = \"pytest\"\nversion = \"9.1.1\"\n",
                "a-sub/pyproject.toml", "[project]\nname = \"sub\"\n",
                "a-sub/uv.lock", "[[package]]\nname = \"pytest\"\nversion = \"8.4.1\"\n",
                "examples/demo/pyproject.toml", "[project]\nname = \"demo\"\ndependencies = [\"requests\"]\n");
        assertEquals(List.of("9.1.1 locked in uv.lock"), admitted(envs.of(""), "pytest", PYTEST));
        assertEquals(List.of("8.4.1 locked in a-sub/uv.lock"), admitted(envs.of("a-sub/tests"), "pytest", PYTEST));
        // a nested project that declares no pytest is tested from its parent's environment
        assertEquals("", envs.of("examples/demo/tests").root());
        Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"root\"\ndependencies = [\"pytest\"]\n"
                + "[tool.uv.workspace]\nmembers = [\"a-*\"]\n");
        Environments workspace = read();
        // a workspace member is locked by the workspace's uv.lock; its own is not used
        assertEquals(List.of("9.1.1 locked in uv.lock"), admitted(workspace.project("a-sub"), "pytest", PYTEST));
    }

    @Test
    void pytestEntryPointsOfTheProjectsOwn() throws IOException {
        Environment env = read("pyproject.toml", "[project]\nname = \"p\"\n[project.entry-points.pytest11]\np = \"p.plugin\"\n").project("");
        assertEquals(List.of("pyproject.toml:3"), env.pytestEntryPoints());
    }
}
