package dev.lintgate.rules.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real Sphinx as the oracle for LG107's {@code tags}: every {@code conf.py} of the fixture {@code sphinx-conf} that
 * lintgate takes for a Sphinx configuration is built with {@code sphinx-build -c} (its condition set, so that it
 * reaches {@code tags.add}), which must succeed; the same file run by plain Python raises NameError. The one file
 * lintgate does not take for a Sphinx configuration must be the one that says {@code expect: LG107}.
 */
class SphinxConfOracleTest {
    private static final Path CASE = Path.of("testdata/rules/LG107/sphinx-conf").toAbsolutePath();

    @Test
    void sphinxRunsTheConfigurationsLintgateRecognisesWithTags() throws Exception {
        Project project = new ProjectLoader(CASE, CASE).load(List.of("."), null, false);
        Set<String> configs = new TreeSet<>(project.fact(SphinxConfigs.FACT));
        assertEquals(Set.of("docs/conf.py", "make/conf.py", "rtd/conf.py"), configs);
        Path python = venv();
        Path source = Files.createTempDirectory("sphinx-source");
        Files.writeString(source.resolve("index.rst"), "Demo\n====\n");
        for (String conf : configs) {
            Path dir = CASE.resolve(conf).getParent();
            Path out = Files.createTempDirectory("sphinx-out");
            assertEquals(0, run(python, List.of("-m", "sphinx", "-b", "dummy", "-q", "-c", dir.toString(), source.toString(),
                    out.toString())).exitCode, conf + ": sphinx-build failed");
            // plain Python has no tags: the file is only fine where Sphinx runs it
            Result plain = run(python, List.of(dir.resolve("conf.py").toString()));
            assertNotEquals(0, plain.exitCode, conf);
            assertEquals(true, plain.output.contains("NameError: name 'tags' is not defined"), conf + ": " + plain.output);
        }
        System.out.printf("sphinx conf oracle: sphinx-build ran %s with tags defined%n", configs);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path python, List<String> args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(python.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DEMO_RELEASE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) fail("timed out: " + command);
        return new Result(p.exitValue(), out);
    }

    /** Sphinx from the machine's local package index only; the default index would make pip retry for minutes. */
    private static Path venv() throws IOException, InterruptedException {
        Path dir = Path.of("target", "sphinx-venv").toAbsolutePath();
        Path python = dir.resolve("bin/python");
        Path ready = dir.resolve(".ready");
        if (Files.exists(ready) && Files.isExecutable(python)) return python;
        for (List<String> command : List.of(List.of("python3", "-m", "venv", "--clear", dir.toString()),
                List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "sphinx"))) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PIP_INDEX_URL", "file:///opt/pypi/simple");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) fail(command + " failed:\n" + out);
        }
        Files.writeString(ready, "sphinx\n");
        return python;
    }
}
