package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lintgate.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deprecation index learns names after the first pass (PEP 702 decorations, re-exports, aliases of those) and
 * then looks for the files that name them. With the name rules on, the first pass tokenizes every file and the
 * survey answers from the names each file spells; with a deprecation rule alone, it searches the files' bytes.
 * Both must find the same.
 */
class DeprecationSurveyTest {
    private static final Path ROUNDS = Path.of("testdata/projects/deprecation-rounds");

    @Test
    void namesFoundAfterThePassAreFoundWhicheverWayTheFilesWereSurveyed() {
        List<String> expected = List.of(
                "app/dynamic.py:7 LG104",
                "app/dynamic.py:8 LG104",
                // named only through the alias `TOldThing`, found in the round after the shim's
                "app/uses_alias.py:1 LG101",
                "lib/shim.py:1 LG101");
        List<String> withNameRules = Lint.run(ROUNDS, null).findings().stream()
                .filter(f -> f.code().equals("LG101") || f.code().equals("LG104")).map(DeprecationSurveyTest::brief).toList();
        assertEquals(expected, withNameRules);
        List<String> alone = new java.util.ArrayList<>();
        for (String code : List.of("LG101", "LG104")) {
            Lint.run(ROUNDS, code).findings().forEach(f -> alone.add(brief(f)));
        }
        alone.sort(null);
        assertEquals(expected, alone);
    }

    private static String brief(Finding f) {
        return f.location().path() + ":" + f.location().region().startLine() + " " + f.code();
    }
}
