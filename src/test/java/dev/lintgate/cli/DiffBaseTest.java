package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --diff-base} on a git copy of the incident project: the base registers the {@code golden_path} marker in
 * the root pytest.ini, the branch drops it.
 */
class DiffBaseTest {
    @TempDir
    Path tmp;
    Path root;

    private static final String ROOT_INI = "# The root config\n[pytest]\naddopts = --strict-markers\n"
            + "asyncio_default_fixture_loop_scope = function\n";

    @BeforeEach
    void history() throws Exception {
        root = tmp.resolve("incident");
        TestTrees.copyIncident(root);
        Files.writeString(root.resolve("pytest.ini"), ROOT_INI + "markers =\n    golden_path: the path users take\n");
        Git.run(root, "init", "-q");
        Git.run(root, "add", "-A");
        Git.run(root, "commit", "-q", "-m", "base");
        Git.run(root, "checkout", "-q", "-b", "change");
    }

    private Runs diff() {
        return Runs.in(root, "check", "@.", "--diff-base", "main", "--format", "concise");
    }

    @Test
    void aCommitChangingOnlyPytestIniReportsTheMarkerFindingsItCauses() throws Exception {
        Files.writeString(root.resolve("pytest.ini"), ROOT_INI);
        Git.run(root, "commit", "-q", "-am", "drop the marker");
        Runs r = diff();
        assertEquals(1, r.code(), r.out() + r.err());
        List<String> heads = r.heads();
        // the tests did not change, and the marker findings are theirs
        assertTrue(heads.contains("auth_service/tests/test_tokens.py:4: LG210"), heads.toString());
        assertTrue(heads.contains("netra_backend/tests/test_golden_path.py:4: LG210"), heads.toString());
        // the deprecated imports are not the pytest config's doing
        assertTrue(heads.stream().noneMatch(h -> h.endsWith("LG101")), heads.toString());
        assertTrue(r.out().contains("note: --diff-base main: findings the changes since"), r.out());
        // the same project in full has every finding
        Runs full = Runs.in(root, "check", "@.", "--format", "concise");
        assertTrue(full.heads().size() > heads.size());
        assertTrue(full.heads().containsAll(heads));
    }

    @Test
    void aChangedLineReportsItsFindingAndOldFindingsInTheSameFileStayOut() throws Exception {
        Path script = root.resolve("scripts/migrate_sessions.py");
        Files.writeString(script, Files.readString(script)
                + "\nfrom netra_backend.app.database.session_manager import DatabaseSessionManager\n");
        // uncommitted, as in a pre-push check
        Runs r = diff();
        assertEquals(1, r.code());
        assertEquals(List.of("scripts/migrate_sessions.py:12: LG101"), r.heads());
        // a new file: every finding in it
        Files.writeString(root.resolve("scripts/other.py"), "from netra_backend.app.database.session_manager import DatabaseSessionManager\n");
        assertEquals(List.of("scripts/migrate_sessions.py:12: LG101", "scripts/other.py:1: LG101"), diff().heads());
    }

    @Test
    void changedLinesAreFoundInFilesWhoseNamesGitQuotesOrPads() throws Exception {
        // git writes "+++ b/my notes.py<TAB>" for a name with a space, and C-quotes one with a tab, a quote or a
        // backslash: each must still name the file whose lines changed
        List<String> names = List.of("scripts/my notes.py", "scripts/tab\there.py", "scripts/q\"uote.py", "scripts/back\\slash.py",
                "scripts/caf\u00e9 \ud83d\ude00.py");
        for (String name : names) Files.writeString(root.resolve(name), "x = 1\n");
        Git.run(root, "add", "-A");
        Git.run(root, "commit", "-q", "-m", "odd names");
        for (String name : names) {
            Files.writeString(root.resolve(name), "x = 1\nfrom netra_backend.app.database.session_manager import DatabaseSessionManager\n");
        }
        Runs r = Runs.in(root, "check", "@.", "--diff-base", "main", "--format", "json");
        assertEquals(1, r.code(), r.out() + r.err());
        for (String name : names) {
            String jsonName = name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t");
            assertTrue(r.out().contains("\"path\": \"" + jsonName + "\""), name + " missing in:\n" + r.out());
        }
    }

    @Test
    void nothingChangedReportsNothingAndABadRefIsOneLine() throws Exception {
        Runs r = diff();
        assertEquals(0, r.code(), r.out());
        assertEquals(List.of(), r.heads());
        Runs bad = Runs.in(root, "check", "@.", "--diff-base", "no-such-ref");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("lintgate: error: --diff-base: git merge-base no-such-ref HEAD failed: "), bad.err());
        assertEquals(1, bad.err().lines().count());
    }

    @Test
    void changedLintgateSettingsReportEverything() throws Exception {
        Files.writeString(root.resolve("lintgate.toml"), "# reviewed\n" + Files.readString(root.resolve("lintgate.toml")));
        assertEquals(Runs.in(root, "check", "@.", "--format", "concise").heads(), diff().heads());
    }

    @Test
    void aProjectInADirectoryOfTheRepositorySeesOnlyItsOwnChanges() throws Exception {
        Path repo = tmp.resolve("repo");
        TestTrees.copyIncident(repo.resolve("svc"));
        Git.run(repo, "init", "-q");
        Git.run(repo, "add", "-A");
        Git.run(repo, "commit", "-q", "-m", "base");
        Git.run(repo, "checkout", "-q", "-b", "change");
        Path script = repo.resolve("svc/scripts/migrate_sessions.py");
        Files.writeString(script, Files.readString(script)
                + "\nfrom netra_backend.app.database.session_manager import DatabaseSessionManager\n");
        Files.writeString(repo.resolve("README.md"), "outside the project\n");
        Runs r = Runs.in(repo, "check", "@svc", "--diff-base", "main", "--format", "concise");
        assertEquals(List.of("scripts/migrate_sessions.py:12: LG101"), r.heads());
        assertTrue(r.out().contains("(1 file changed)"), r.out());
    }
}
