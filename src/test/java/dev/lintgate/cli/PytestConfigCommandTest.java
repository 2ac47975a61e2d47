package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PytestConfigCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new PytestConfigCommand().commandSpec());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, c, p) -> ExitCode.ERROR);
        cl.setParameterExceptionHandler((e, a) -> {
            err.write(e.getMessage());
            return ExitCode.ERROR;
        });
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void textNamesTheWinnerTheIgnoredSiblingAndWhereEachValueComesFrom() throws Exception {
        Files.writeString(dir.resolve("pytest.ini"), "[pytest]\nasyncio_mode = auto\n");
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.pytest.ini_options]\nasyncio_default_fixture_loop_scope = \"session\"\n");
        Result r = run("--cwd", dir.toString(), "--pytest-version", "9.1.1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("configfile: " + dir.toRealPath().resolve("pytest.ini")), r.out());
        assertTrue(r.out().contains("ignored: " + dir.toRealPath().resolve("pyproject.toml")), r.out());
        assertTrue(r.out().contains("asyncio_mode = auto    (" + dir.toRealPath().resolve("pytest.ini") + ":2)"), r.out());
        assertTrue(r.out().contains("fixture loop scope unset"), r.out());
    }

    @Test
    void pytestArgumentsPassThroughInOrder() throws Exception {
        Files.writeString(dir.resolve("pytest.ini"), "[pytest]\nasyncio_mode = auto\n");
        Files.writeString(dir.resolve("other.ini"), "[pytest]\nasyncio_mode = strict\nmarkers = slow: x\n");
        Result r = run("--cwd", dir.toString(), "--format", "json", "-c", "other.ini", "--asyncio-mode=auto");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"configfile\" : \"" + dir.toRealPath().resolve("other.ini") + "\""), r.out());
        assertTrue(r.out().contains("\"mode\" : \"auto\""), r.out());
        assertTrue(r.out().contains("\"markers\" : [ \"slow\" ]"), r.out());
    }

    @Test
    void brokenConfigExitsTwoWithPytestsMessage() throws Exception {
        Files.writeString(dir.resolve("tox.ini"), "[testenv]\n[testenv]\n");
        Result r = run("--cwd", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("duplicate section 'testenv'"), r.out());
    }

    @Test
    void modelsTheReleasesTheEnvironmentAdmitsAsCheckDoes() throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "pytest>=8.4.1\n");
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"a\"\n[tool.pytest]\nstrict = true\n");
        Result newest = run("--cwd", dir.toString());
        assertEquals(0, newest.exit(), newest.err());
        assertTrue(newest.out().startsWith("pytest 9.1.1 (as modelled: admitted by pytest>=8.4.1 in requirements.txt)"), newest.out());
        assertTrue(newest.out().contains("also modelled (--all-versions shows each): 8.4.2 (admitted by pytest>=8.4.1 in "
                + "requirements.txt), 9.0.3 (admitted by pytest>=8.4.1 in requirements.txt)"), newest.out());
        assertTrue(newest.out().contains("strict = true    ("), newest.out());
        Result all = run("--cwd", dir.toString(), "--all-versions");
        assertEquals(3, all.out().split("\\(as modelled: ").length - 1, all.out());
        // 8.4 never reads [tool.pytest]: pyproject.toml only fixes the rootdir, with no options
        String old = all.out().substring(0, all.out().indexOf("pytest 9.0.3"));
        assertTrue(old.startsWith("pytest 8.4.2") && old.contains("options: (none set; pytest defaults apply)"), old);
        Result json = run("--cwd", dir.toString(), "--all-versions", "--format", "json");
        assertTrue(json.out().startsWith("[") && json.out().contains("\"pytestVersion\" : \"9.0.3\""), json.out());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("--cwd", dir.resolve("missing").toString()).exit());
        assertEquals(2, run("--format", "xml").exit());
        assertEquals(2, run("--pytest-version", "banana").exit());
    }
}
