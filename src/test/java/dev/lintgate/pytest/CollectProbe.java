package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real pytest's collection of many runs in one process ({@code collectprobe.py}): per case ({@code id}, {@code cwd},
 * {@code args}, and {@code env} for PYTEST_ADDOPTS) its exit code, collected files, the files defining the collected
 * tests, failed collectors and unknown-mark warnings, by case id.
 */
final class CollectProbe {
    private CollectProbe() {
    }

    /** One case: pytest run with {@code args} in {@code cwd} below {@code layout} ("" for the layout itself). */
    static Map<String, Object> invocation(String id, Path layout, String cwd, List<String> args, String env) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("cwd", cwd.isEmpty() ? layout.toString() : layout.resolve(cwd).toString());
        m.put("args", args);
        if (env != null) m.put("env", env);
        return m;
    }

    static Map<String, Map<String, Object>> run(Path python, Path base, List<Map<String, Object>> cases, int minutes)
            throws IOException, InterruptedException {
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> c : cases) lines.append(PytestDiscoveryOracleTest.json(c)).append('\n');
        Path input = base.resolve("cases.jsonl");
        Path output = base.resolve("answers.jsonl");
        Files.writeString(input, lines);
        Path probe = base.resolve("collectprobe.py");
        try (InputStream in = CollectProbe.class.getResourceAsStream("collectprobe.py")) {
            Files.write(probe, in.readAllBytes());
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", probe.toString(), input.toString(), output.toString(), base.toString());
        pb.environment().remove("PYTEST_ADDOPTS");
        pb.environment().remove("PYTEST_PLUGINS");
        pb.environment().remove("PYTEST_DISABLE_PLUGIN_AUTOLOAD");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), "probe timed out");
        assertEquals(0, p.exitValue(), "probe failed:\n" + log);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output)) {
            if (line.isBlank()) continue;
            Map<String, Object> r = PytestDiscoveryOracleTest.parse(line);
            out.put((String) r.get("id"), r);
        }
        return out;
    }
}
