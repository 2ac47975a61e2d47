package dev.lintgate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks real trees on disk (built in a temp dir so that their .gitignore files do not steer this repository's git). */
class FileWalkerTest {
    @TempDir
    Path root;

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Path f = root.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "");
        }
    }

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void honoursNestedGitignoresNegationAndDefaultExcludes() throws IOException {
        touch("app/main.py", "app/gen/x_pb2.py", "app/gen/keep.py", "logs/a.log", "notes.log", "important.log",
                ".venv/lib/x.py", "node_modules/m/index.py", "pkg/__pycache__/c.py", "svc/build/out.py",
                "svc/src/tmp/t.py", "svc/src/code.py", "docs/build.py");
        write(".gitignore", "*.log\n!important.log\n/logs/\n# comment\n\n");
        write("app/gen/.gitignore", "*_pb2.py\n");
        write("svc/.gitignore", "src/tmp/\n");
        List<String> files = new FileWalker(root, List.of(), true).walk();
        assertEquals(List.of(".gitignore", "app/gen/.gitignore", "app/gen/keep.py", "app/main.py", "docs/build.py",
                "important.log", "svc/.gitignore", "svc/src/code.py"), files);
    }

    @Test
    void excludePatternsAreGitignoreSyntaxFromTheRoot() throws IOException {
        touch("a/migrations/0001.py", "a/models.py", "b/deep/x/migrations/2.py", "generated.py", "c/generated.py");
        FileWalker walker = new FileWalker(root, List.of("migrations/", "/generated.py"), true);
        assertEquals(List.of("a/models.py", "c/generated.py"), walker.walk());
        assertTrue(walker.isExcluded("a/migrations/0001.py"));
        assertTrue(walker.isExcluded("generated.py"));
        assertFalse(walker.isExcluded("c/generated.py"));
        assertTrue(new FileWalker(root, List.of(), true).isExcluded(".venv/x.py"));
        assertFalse(new FileWalker(root, List.of(), false).isExcluded(".venv/x.py"));
    }

    @Test
    void doubleStarSpansDirectories() throws IOException {
        touch("a/b/c/test_x.py", "a/test_y.py", "z.py", "fixtures/one/data.py");
        List<String> files = new FileWalker(root, List.of("a/**/test_*.py", "fixtures/**"), true).walk();
        assertEquals(List.of("z.py"), files);
    }

    @Test
    void comesOutInTheOrderOfTheFullPathsWithoutSortingThem() throws IOException {
        // names that sort before and after '/' (0x2F) beside a directory of the same stem: "a-b", "a.py", "a0", "a b"
        touch("a/z.py", "a/b/c.py", "a/b.py", "a/b-c/d.py", "a-b.py", "a.py", "a0.py", "a b.py", "B.py", "_x.py",
                "é/x.py", "e.py", "ab/c.py", "a/b0.py");
        List<String> files = new FileWalker(root, List.of(), true).walk();
        List<String> sorted = new java.util.ArrayList<>(files);
        sorted.sort(null);
        assertEquals(sorted, files);
        assertEquals(14, files.size(), files.toString());
    }

    /**
     * One bracket expression in a vendored .gitignore made the whole project unlintable (PatternSyntaxException).
     * git's answers, which WildmatchOracleTest checks on generated cases: {@code [!]} and {@code [z-a]} match nothing,
     * POSIX classes work.
     */
    @Test
    void bracketExpressionsMatchAsGitDoesAndNeverStopTheWalk() throws IOException {
        touch("1a.py", "a1.py", "b", "zz.py", "vendor/x.py", "]");
        write(".gitignore", "[!]\n[z-a]\n[[:digit:]]*.py\n[[:alpha:]]\n[[:nope:]]\n[\n");
        assertEquals(List.of(".gitignore", "]", "a1.py", "vendor/x.py", "zz.py"), new FileWalker(root, List.of(), true).walk());
        FileWalker excluding = new FileWalker(root, List.of("[[:alpha:]][[:alpha:]].py", "vend[!x]r/"), true);
        assertEquals(List.of(".gitignore", "]", "a1.py"), excluding.walk());
    }
}
