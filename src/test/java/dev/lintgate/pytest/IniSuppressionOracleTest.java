package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why lintgate reads suppressions in ini files from whole-line comments only, proved on real pytest: a trailing
 * {@code # noqa: LG209} on {@code addopts} becomes arguments and stops pytest, while a comment line above the key is
 * a comment. lintgate reports the first (LG203, with the hint to move it) and honours the second.
 */
class IniSuppressionOracleTest {
    @TempDir
    Path dir;

    private void project(String ini) throws IOException {
        Files.writeString(dir.resolve("pytest.ini"), ini);
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\n");
        Files.writeString(dir.resolve("requirements-test.txt"), "pytest==9.1.1\n");
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_a.py"), "def test_a():\n    pass\n");
    }

    private record Ran(int code, String out) {
    }

    private Ran pytest() throws IOException, InterruptedException {
        Path python = PytestVenvs.python("9.1.1");
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", "-m", "pytest", "-q", "-p", "no:cacheprovider")
                .directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), out);
    }

    private Ran lintgate() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", dir.toString(), "--select", "LG203", "--format", "concise"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        return new Ran(code, out.toString());
    }

    @Test
    void aTrailingNoqaInAddoptsStopsPytestAndStaysReported() throws Exception {
        project("[pytest]\naddopts = --strict-markers  # noqa: LG209\n");
        Ran pytest = pytest();
        assertEquals(4, pytest.code(), pytest.out());
        assertTrue(pytest.out().contains("file or directory not found: #"), pytest.out());
        Ran lint = lintgate();
        assertEquals(1, lint.code(), lint.out());
        assertTrue(lint.out().contains("pytest.ini:2:11: LG203 `addopts` keeps the inline comment: pytest reads '--strict-markers  # noqa: LG209'"), lint.out());
    }

    @Test
    void aSuppressionOnTheLineAboveIsACommentToPytestAndSilencesTheLineBelow() throws Exception {
        // pytest reads "auto # fast": LG203's finding on line 3, silenced by the comment line above it
        project("[pytest]\naddopts = --strict-markers\n# noqa: LG203\nasyncio_default_fixture_loop_scope = function # fast\n");
        Ran pytest = pytest();
        assertTrue(pytest.out().contains("asyncio_default_fixture_loop_scope"), "pytest-asyncio rejects the value with the comment: " + pytest.out());
        Ran lint = lintgate();
        assertEquals(0, lint.code(), lint.out());
        project("[pytest]\naddopts = --strict-markers\nasyncio_default_fixture_loop_scope = function # fast\n");
        assertEquals(1, lintgate().code());
    }
}
