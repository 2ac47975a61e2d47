package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The validator must fail on broken logs, or every green SARIF test would prove nothing. */
class SarifValidationTest {

    private static final String GOOD = Render.of(new SarifReporter(), Samples.report());

    private static List<String> problemsAfter(String from, String to) {
        assertTrue(GOOD.contains(from), "sample has " + from);
        return SarifValidation.problems(GOOD.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void acceptsOurOwnOutput() {
        assertTrue(SarifValidation.problems(GOOD).isEmpty(), () -> SarifValidation.problems(GOOD).toString());
    }

    @Test
    void startLineZeroFailsTheSchema() {
        List<String> problems = problemsAfter("\"startLine\": 2,", "\"startLine\": 0,");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("schema: ") && p.contains("startLine")), problems::toString);
        assertThrows(AssertionFailedError.class, () -> SarifValidation.assertValid(GOOD.replaceFirst("\"startLine\": 2,", "\"startLine\": 0,")));
    }

    @Test
    void bogusLevelFailsTheSchema() {
        // the case the Multitool lets through silently
        List<String> problems = problemsAfter("\"level\": \"warning\",\n", "\"level\": \"bogus\",\n");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("schema: ")), problems::toString);
    }

    @Test
    void catchesWhatTheSchemaCannot() {
        assertFalse(problemsAfter("\"ruleIndex\": 1,", "\"ruleIndex\": 2,").isEmpty(), "ruleIndex pointing at another rule");
        assertFalse(problemsAfter("\"id\": \"LG210\"", "\"id\": \"LG101\"").isEmpty(), "duplicate rule id");
        assertFalse(problemsAfter("\"uri\": \"pytest.ini\"", "\"uri\": \"./pytest.ini\"").isEmpty(), "./ in uri");
        assertFalse(problemsAfter("\"uri\": \"pytest.ini\"", "\"uri\": \"file:///work/pytest.ini\"").isEmpty(), "absolute uri");
        assertFalse(problemsAfter("\"uri\": \"src/app/my%20module.py\"", "\"uri\": \"src/app/my module.py\"").isEmpty(), "unencoded space");
        assertFalse(problemsAfter("(1).", "(2).").isEmpty(), "link to a missing related location");
        assertFalse(problemsAfter("\"endColumn\": 64", "\"endColumn\": 1").isEmpty(), "region ending before it starts");
        assertFalse(problemsAfter("\"problem.severity\"", "\"security-severity\"").isEmpty(), "security-severity");
        assertFalse(problemsAfter("\"level\": \"error\",\n          \"message\"", "\"message\"").isEmpty(), "implicit level");
        assertFalse(problemsAfter("\"columnKind\"", "\"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": \"src/\"}},\n      \"columnKind\"").isEmpty(),
                "relative source root");
    }
}
