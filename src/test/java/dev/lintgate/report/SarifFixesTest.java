package dev.lintgate.report;

import static dev.lintgate.report.JsonTree.array;
import static dev.lintgate.report.JsonTree.at;
import static dev.lintgate.report.JsonTree.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.Main;
import dev.lintgate.TestTrees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SARIF {@code fixes} from real runs: valid against the SARIF schema, and applying their replacements to the files
 * gives what {@code check --fix --unsafe-fixes} writes, for a fix of one file and for LG201's fix of two.
 */
class SarifFixesTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"LG201,pyproject-settings-move", "LG201,empty-pytest-ini-wins", "LG211,duplicate", "LG211,toml-duplicate"})
    void replacementsGiveWhatFixWrites(String code, String fixture) throws Exception {
        Path source = Path.of("testdata", "rules", code, fixture);
        Path sarifTree = temp.resolve("sarif");
        Path fixTree = temp.resolve("fix");
        TestTrees.copy(source, sarifTree);
        TestTrees.copy(source, fixTree);

        String sarif = run("check", sarifTree.toString(), "--select", code, "--format", "sarif", "--exit-zero");
        SarifValidation.assertValid(sarif);
        run("check", fixTree.toString(), "--select", code, "--fix", "--unsafe-fixes", "--exit-zero");

        int changes = 0;
        for (Object result : array(at(JsonTree.parse(sarif), "runs", 0, "results"))) {
            Object fixes = object(result).get("fixes");
            if (fixes == null) continue;
            for (Object change : array(at(array(fixes).get(0), "artifactChanges"))) {
                String uri = (String) at(change, "artifactLocation", "uri");
                Path file = sarifTree.resolve(URLDecoder.decode(uri, StandardCharsets.UTF_8));
                Files.writeString(file, apply(Files.readString(file), array(at(change, "replacements"))));
                changes++;
            }
        }
        assertTrue(changes > 0, "the run has a fix");
        try (var files = Files.walk(fixTree)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals(Files.readString(f), Files.readString(sarifTree.resolve(fixTree.relativize(f))), fixTree.relativize(f).toString());
            }
        }
    }

    /** Applies SARIF replacements (1-based lines, code-point columns, end exclusive) from the last to the first. */
    private static String apply(String text, List<Object> replacements) {
        List<Map<String, Object>> sorted = new ArrayList<>();
        for (Object r : replacements) sorted.add(object(r));
        sorted.sort(Comparator.comparingLong((Map<String, Object> r) -> (Long) at(r, "deletedRegion", "startLine"))
                .thenComparingLong(r -> (Long) at(r, "deletedRegion", "startColumn")).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Map<String, Object> r : sorted) {
            int start = offset(text, (Long) at(r, "deletedRegion", "startLine"), (Long) at(r, "deletedRegion", "startColumn"));
            int end = offset(text, (Long) at(r, "deletedRegion", "endLine"), (Long) at(r, "deletedRegion", "endColumn"));
            Object inserted = r.get("insertedContent");
            String content = inserted == null ? "" : (String) at(inserted, "text");
            out.replace(start, end, content);
        }
        return out.toString();
    }

    private static int offset(String text, long line, long column) {
        int at = 0;
        for (long l = 1; l < line; l++) {
            int next = text.indexOf('\n', at);
            if (next < 0) return text.length();
            at = next + 1;
        }
        return text.offsetByCodePoints(at, (int) column - 1);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, exit, err.toString());
        return out.toString();
    }
}
