package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incident's pytest configuration (root pytest.ini with a function fixture loop, a shadowed pyproject.toml
 * with session, netra_backend/pytest.ini with session, auth_service/pytest.ini with auto mode and no loop scope)
 * gives exactly the LG2xx findings its {@code # expect:} comments state; the repaired copy gives none.
 */
class PytestIncidentTest {

    private static List<Finding> lg2(Path root) {
        Path abs = root.toAbsolutePath();
        Project project = new ProjectLoader(abs, abs).load(List.of("."), null, false);
        List<Rule> rules = AllRules.create().stream().filter(r -> r.code().startsWith("LG2")).toList();
        return new Engine(RuleCatalog.bundled(), 2).run(project, rules).findings();
    }

    @Test
    void incidentGivesExactlyTheExpectedPytestConfigFindings() throws Exception {
        Path root = TestTrees.INCIDENT;
        List<Expectation> expected = Expectation.readAll(root).stream().filter(e -> e.code().startsWith("LG2")).toList();
        String leftovers = Expectation.mismatches(expected, lg2(root));
        if (!leftovers.isEmpty()) fail(leftovers);
    }

    @Test
    void fixedIncidentIsClean() {
        assertEquals(List.of(), lg2(Path.of("testdata", "projects", "incident-fixed")));
    }
}
