package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte snapshots of the machine formats for the sample report, so any change to what consumers parse
 * shows up in review. Regenerate with {@code -Dlintgate.updateGoldens=true}. The SARIF snapshot is also what
 * {@code .ci/sarif-multitool.sh} validates.
 */
class GoldenFilesTest {

    private static final Path DIR = Path.of("src/test/resources/dev/lintgate/report");

    @Test
    void sarif() throws IOException {
        String out = Render.of(new SarifReporter(), Samples.report());
        SarifValidation.assertValid(out);
        assertGolden("sample.sarif", out);
    }

    @Test
    void json() throws IOException {
        assertGolden("sample.json", Render.of(new JsonReporter(), Samples.report()));
    }

    @Test
    void jsonDocsNameEveryField() throws IOException {
        String docs = Files.readString(Path.of("docs/json-output.md"));
        List<String> missing = new ArrayList<>();
        collectKeys(JsonTree.parse(Render.of(new JsonReporter(), Samples.report())), missing, docs);
        assertTrue(missing.isEmpty(), "docs/json-output.md does not mention " + missing);
    }

    private static void collectKeys(Object node, List<String> missing, String docs) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!docs.contains("`" + e.getKey() + "`") && !missing.contains(e.getKey())) missing.add((String) e.getKey());
                collectKeys(e.getValue(), missing, docs);
            }
        } else if (node instanceof List<?> list) {
            for (Object o : list) collectKeys(o, missing, docs);
        }
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("lintgate.updateGoldens")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name + " changed; rerun with -Dlintgate.updateGoldens=true and review the diff");
    }
}
