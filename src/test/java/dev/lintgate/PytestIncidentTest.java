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
import java.util.ArrayList;
import java.util.Iterator;
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
        Path root = Path.of("testdata", "projects", "incident");
        List<Finding> unmatched = new ArrayList<>(lg2(root));
        List<Expectation> missing = new ArrayList<>();
        for (Expectation e : Expectation.readAll(root)) {
            if (!e.code().startsWith("LG2")) continue;
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
            StringBuilder sb = new StringBuilder();
            missing.forEach(e -> sb.append("expected but not reported: ").append(e).append('\n'));
            unmatched.forEach(f -> sb.append("reported but not expected: ").append(f.location()).append(' ')
                    .append(f.code()).append(' ').append(f.message()).append('\n'));
            fail(sb.toString());
        }
    }

    @Test
    void fixedIncidentIsClean() {
        assertEquals(List.of(), lg2(Path.of("testdata", "projects", "incident-fixed")));
    }
}
