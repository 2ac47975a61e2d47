package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.Main;
import dev.lintgate.report.JsonTree;
import dev.lintgate.report.SarifValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python project in {@code svc/} of a real git repository: annotations and SARIF name files from the repository
 * root, where GitHub attaches them, and the SARIF log says where it came from.
 */
class RepositoryPathsTest {
    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(repo.resolve("svc/demo"));
        Files.writeString(repo.resolve("svc/pyproject.toml"), "[project]\nname = \"demo\"\n[tool.lintgate]\nselect = [\"LG1\"]\n"
                + "[[tool.lintgate.deprecated]]\nname = \"os.getcwdb\"\n");
        Files.writeString(repo.resolve("svc/demo/service.py"), "from os import getcwdb\n\nprint(getcwdb())\n");
        Git.run(repo, "init", "-q", "-b", "main");
        Git.run(repo, "remote", "add", "origin", "https://x-access-token:ghs_secret@github.com/acme/shop.git");
        Git.run(repo, "add", "-A");
        Git.run(repo, "commit", "-q", "-m", "first");
    }

    record Run(int exit, String out, String err) {
    }

    static Run lintgate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Main resolves relative paths against the working directory; the tests pass absolute ones
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void annotationsAndSarifAreRelativeToTheRepositoryRoot() throws Exception {
        Path sarif = repo.resolve("out.sarif");
        Run run = lintgate("check", repo.resolve("svc").toString(), "--format", "github", "--sarif-output", sarif.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("::error file=svc/demo/service.py,line=1,"), run.out());

        String log = Files.readString(sarif);
        SarifValidation.assertValid(log);
        Object run0 = JsonTree.at(JsonTree.parse(log), "runs", 0);
        assertEquals("svc/demo/service.py", JsonTree.at(run0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation", "uri"));
        assertEquals(repo.toRealPath().toUri().toString(), JsonTree.at(run0, "originalUriBaseIds", "%SRCROOT%", "uri"));
        assertEquals("lintgate/svc/", JsonTree.at(run0, "automationDetails", "id"));
        assertEquals("https://github.com/acme/shop.git", JsonTree.at(run0, "versionControlProvenance", 0, "repositoryUri"));
        assertFalse(log.contains("ghs_secret"), "a token in the remote URL never reaches the log");
        assertEquals(Git.run(repo, "rev-parse", "HEAD").strip(), JsonTree.at(run0, "versionControlProvenance", 0, "revisionId"));
        assertEquals("main", JsonTree.at(run0, "versionControlProvenance", 0, "branch"));
        // computed from the file (LineHashTest checks the algorithm against codeql-action's vectors)
        assertTrue(((String) JsonTree.at(run0, "results", 0, "partialFingerprints", "primaryLocationLineHash")).matches("[0-9a-f]+:1"));
    }

    @Test
    void theProjectRootAtTheRepositoryRootSaysWhichSettingsItDoesNotRead() {
        Run run = lintgate("check", repo.toString(), "--project-root", repo.toString(), "--format", "concise");
        assertTrue(run.out().contains("svc/pyproject.toml:1: warning: these lintgate settings are not used: a run reads only"
                + " the settings at its project root"), run.out());
        assertTrue(run.out().contains("pass --project-root svc"), run.out());
    }

    @Test
    void aCategoryAndSourceRootGivenWin() throws IOException {
        Run run = lintgate("check", repo.resolve("svc").toString(), "--format", "sarif", "--sarif-category", "py",
                "--sarif-source-root", "file:///src/", "--exit-zero");
        assertEquals(0, run.exit(), run.err());
        Object run0 = JsonTree.at(JsonTree.parse(run.out()), "runs", 0);
        assertEquals("py/", JsonTree.at(run0, "automationDetails", "id"));
        assertEquals("file:///src/", JsonTree.at(run0, "originalUriBaseIds", "%SRCROOT%", "uri"));
    }
}
