package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real pytest the oracle tests compare with, created on first use (a marker file says it is complete) from the
 * machine's local package index only; the default index would make pip retry for minutes without a network.
 * {@link #python} is {@code target/pytest-venvs/<version>} with pytest and pytest-asyncio 1.4.0 only, so that the
 * discovery and marker oracles see pytest's own behaviour; {@link #withPlugins} adds the plugins real projects
 * declare, for the cases that depend on a plugin's options, ini keys or markers.
 */
public final class PytestVenvs {
    private PytestVenvs() {
    }

    /** The versions of the plugins {@link #withPlugins} installs: those the local wheel index holds. */
    public static final List<String> PLUGINS = List.of("pytest-asyncio==1.4.0", "pytest-xdist==3.8.0",
            "pytest-timeout==2.4.0", "pytest-cov==7.1.0", "pytest-mock==3.16.0", "pytest-benchmark==5.3.0",
            "anyio==4.15.1", "hypothesis==6.168.3", "time-machine==3.5.1");
    // pytest-benchmark 5.3.0 requires py-cpuinfo2, which the index lacks; py-cpuinfo provides the same module
    private static final String NO_DEPS = "pytest-benchmark==5.3.0";

    public static synchronized Path python(String version) throws IOException, InterruptedException {
        return venv(version, List.of("pytest==" + version, "pytest-asyncio==1.4.0"));
    }

    /** pytest with every plugin of {@link #PLUGINS}, in {@code target/pytest-venvs/<version>-plugins}. */
    public static synchronized Path withPlugins(String version) throws IOException, InterruptedException {
        List<String> packages = new ArrayList<>(PLUGINS);
        packages.remove(NO_DEPS);
        packages.add(0, "pytest==" + version);
        packages.add("py-cpuinfo");
        return venv(version + "-plugins", packages);
    }

    private static Path venv(String name, List<String> packages) throws IOException, InterruptedException {
        Path dir = Path.of("target", "pytest-venvs", name).toAbsolutePath();
        Path ready = dir.resolve(".ready");
        Path python = dir.resolve("bin/python");
        String wanted = String.join(" ", packages) + "\n";
        if (Files.exists(ready) && Files.readString(ready).equals(wanted) && Files.isExecutable(python)) {
            return python;
        }
        run(List.of("python3", "-m", "venv", "--clear", dir.toString()));
        List<String> install = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "-q",
                "--disable-pip-version-check"));
        install.addAll(packages);
        run(install);
        if (packages.contains("py-cpuinfo")) {
            run(List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", NO_DEPS));
        }
        Files.writeString(ready, wanted);
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
