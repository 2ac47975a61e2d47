package dev.lintgate.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proof against PyYAML (its {@code BaseLoader}, which keeps every scalar as text, as lintgate's reader does) that
 * {@link Yaml} reads GitHub workflow, action and pre-commit files as YAML does: every such file of the ecosystem
 * corpus (when {@code ../shared/ecosystem} is there) and of {@code testdata}, plus the constructs workflows use
 * (block scalars with chomping, folded and quoted scalars over lines, flow collections, compact sequences of
 * mappings, comments). A file outside the reader's subset may be declined, never read differently.
 */
class YamlOracleTest {

    private static final String SAMPLE = """
            name: "sample"   # a comment
            on:
              push:
                branches: [main, 'release/*']
            env:
              A: 1
              B: "two words"
              C: 'it''s'
            jobs:
              build:
                strategy:
                  matrix: {python: ["3.10", "3.11"], os: [ubuntu-latest]}
                steps:
                  - uses: actions/checkout@v4
                    with:
                      path: main
                  - name: literal
                    run: |
                      echo one
                        indented
                      echo "two: 2"

                  - name: stripped
                    run: |-
                      pytest tests
                  - name: kept
                    run: |+
                      pytest

                  - run: >
                      folded
                      line

                      paragraph
                  - run: >-
                      uv run pytest
                      -m "not slow"
                  - run: plain scalar
                      continued here
                  - run: "double \\"quoted\\"
                      over lines"
                  -
                    name: dash alone
                    run: echo x
                  - {name: flow, run: echo y}
                  - - nested
                    - sequence
            """;

    @Test
    void readsAsPyYamlDoes() throws Exception {
        Path python = pythonWithYaml();
        Path base = Files.createTempDirectory("lintgate-yaml-");
        try {
            List<Path> files = new ArrayList<>();
            Path sample = base.resolve("sample.yml");
            Files.writeString(sample, SAMPLE);
            files.add(sample);
            collect(Path.of("testdata"), files);
            Path corpus = Path.of("..", "shared", "ecosystem");
            if (Files.isDirectory(corpus)) collect(corpus, files);
            int read = 0;
            int declined = 0;
            List<String> failures = new ArrayList<>();
            for (Path f : files) {
                String text = Files.readString(f);
                String theirs = pyyaml(python, f);
                if (theirs == null) continue;
                String ours;
                try {
                    ours = json(Yaml.parse(text));
                } catch (Yaml.Unsupported e) {
                    declined++;
                    continue;
                }
                read++;
                if (!ours.equals(theirs)) failures.add(f + ":\n  lintgate " + ours + "\n  PyYAML   " + theirs);
            }
            System.out.printf("YAML oracle: %d files, %d read as PyYAML reads them, %d declined, %d disagreements%n",
                    files.size(), read - failures.size(), declined, failures.size());
            assertTrue(read > 0, "no file read");
            if (!failures.isEmpty()) fail(String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void collect(Path root, List<Path> out) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).filter(p -> {
                String path = p.toString().replace('\\', '/');
                String name = p.getFileName().toString();
                boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
                return yaml && (path.contains("/.github/workflows/") || path.contains("/.github/actions/")
                        || name.startsWith(".pre-commit-config"));
            }).sorted().forEach(out::add);
        }
    }

    /** PyYAML's reading as compact JSON, or null when PyYAML rejects the file too. */
    private static String pyyaml(Path python, Path file) throws Exception {
        String code = "import json,sys,yaml\n"
                + "d=yaml.load(open(sys.argv[1],encoding='utf-8').read(),Loader=yaml.BaseLoader)\n"
                + "print(json.dumps(d,separators=(',',':'),ensure_ascii=False))\n";
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-c", code, file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        return p.exitValue() == 0 ? out : null;
    }

    private static Path pythonWithYaml() throws Exception {
        Path venv = Path.of("target", "yaml-venv").toAbsolutePath();
        Path python = venv.resolve("bin/python");
        if (!Files.isExecutable(python) || !Files.exists(venv.resolve(".ready"))) {
            exec(List.of("python3", "-m", "venv", "--clear", venv.toString()));
            exec(List.of(python.toString(), "-m", "pip", "install", "-q", "--disable-pip-version-check", "pyyaml"));
            Files.writeString(venv.resolve(".ready"), "pyyaml\n");
        }
        return python;
    }

    private static void exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putIfAbsent("PIP_INDEX_URL", "file:///opt/pypi/simple");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
    }

    private static String json(Yaml.Node node) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            write(g, node);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Yaml.Node node) throws IOException {
        if (node instanceof Yaml.Scalar s) {
            g.writeString(s.value());
        } else if (node instanceof Yaml.Sequence s) {
            g.writeStartArray();
            for (Yaml.Node n : s.items()) write(g, n);
            g.writeEndArray();
        } else if (node instanceof Yaml.Mapping m) {
            g.writeStartObject();
            for (Map.Entry<String, Yaml.Node> e : m.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        }
    }
}
