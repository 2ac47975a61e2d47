package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real pytest the oracle tests compare with: {@code target/pytest-venvs/<version>} with pytest and
 * pytest-asyncio 1.4.0, created on first use (a marker file says it is complete) from the machine's local package
 * index only; the default index would make pip retry for minutes without a network.
 */
public final class PytestVenvs {
    private PytestVenvs() {
    }

    public static synchronized Path python(String version) throws IOException, InterruptedException {
        Path dir = Path.of("target", "pytest-venvs", version).toAbsolutePath();
        Path ready = dir.resolve(".ready");
        Path python = dir.resolve("bin/python");
        if (Files.exists(ready) && Files.isExecutable(python)) {
            return python;
        }
        run(List.of("python3", "-m", "venv", "--clear", dir.toString()));
        run(List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                "pytest==" + version, "pytest-asyncio==1.4.0"));
        Files.writeString(ready, version + "\n");
        return python;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putIfAbsent("PIP_INDEX_URL", "file:///opt/pypi/simple");
        pb.environment().putIfAbsent("PIP_FIND_LINKS", "/opt/wheels");
        pb.environment().put("PIP_NO_INPUT", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail("command failed: " + String.join(" ", command) + "\n" + out);
        }
    }
}
