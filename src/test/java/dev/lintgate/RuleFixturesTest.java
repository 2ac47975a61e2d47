package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.rules.AllRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture case under {@code testdata/rules/<code>/<case>/} with only that rule enabled and matches
 * findings against the {@code # expect:} comments both ways.
 */
class RuleFixturesTest {
    static final Path FIXTURES = Path.of("testdata", "rules");

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> codes = Files.list(FIXTURES)) {
            for (Path codeDir : codes.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> cases = Files.list(codeDir)) {
                    for (Path caseDir : cases.filter(Files::isDirectory).sorted().toList()) {
                        String code = codeDir.getFileName().toString();
                        tests.add(DynamicTest.dynamicTest(code + "/" + caseDir.getFileName(), () -> check(code, caseDir)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasFlaggedAndCleanFixtures() throws IOException {
        for (var rule : AllRules.create()) {
            Path dir = FIXTURES.resolve(rule.code());
            assertFalse(!Files.isDirectory(dir), "rule " + rule.code() + " has no fixtures in " + dir);
            boolean flagged = false;
            boolean clean = false;
            try (Stream<Path> cases = Files.list(dir)) {
                for (Path c : cases.filter(Files::isDirectory).toList()) {
                    if (Expectation.readAll(c).stream().anyMatch(e -> e.code().equals(rule.code()))) flagged = true;
                    else clean = true;
                }
            }
            if (!flagged || !clean) fail(rule.code() + " needs at least one flagged and one clean fixture case");
        }
    }

    static void check(String code, Path caseDir) throws IOException {
        Engine.Result result = Lint.run(caseDir, code);
        List<Expectation> expected = Expectation.readAll(caseDir).stream().filter(e -> e.code().equals(code)).toList();
        List<Finding> unmatched = new ArrayList<>(result.findings());
        List<Expectation> missing = new ArrayList<>();
        for (Expectation e : expected) {
            Iterator<Finding> it = unmatched.iterator();
            boolean hit = false;
            while (it.hasNext()) {
                Finding f = it.next();
                if (f.code().equals(e.code()) && f.location().path().equals(e.path())
                        && f.location().region().startLine() == e.line()
                        && (e.messagePart() == null || f.message().contains(e.messagePart()))) {
                    it.remove();
                    hit = true;
                    break;
                }
            }
            if (!hit) missing.add(e);
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder sb = new StringBuilder(caseDir + ":\n");
            for (Expectation e : missing) sb.append("  expected but not reported: ").append(e).append('\n');
            for (Finding f : unmatched) {
                sb.append("  reported but not expected: ").append(f.location()).append(": ")
                        .append(f.code()).append(' ').append(f.message()).append('\n');
            }
            fail(sb.toString());
        }
    }
}
