package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.TestTrees;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --stdin-filename PATH -}: an editor's buffer checked as a file of the incident project, whose model comes from disk. */
class StdinFilenameTest {
    @TempDir
    Path tmp;
    Path root;
    private final InputStream stdin = System.in;

    @BeforeEach
    void copy() throws Exception {
        root = tmp.resolve("incident");
        TestTrees.copyIncident(root);
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private Runs withStdin(String source, String... args) {
        System.setIn(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)));
        return Runs.in(root, args);
    }

    @Test
    void theBufferIsCheckedAsTheFileWithTheProjectsFacts() throws Exception {
        String onDisk = Files.readString(root.resolve("scripts/migrate_sessions.py"));
        // the re-export through compat is known from the project on disk
        Runs r = withStdin("from netra_backend.app.database.compat import DatabaseSessionManager\n",
                "check", "--stdin-filename", "@scripts/migrate_sessions.py", "-", "--format", "concise");
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("scripts/migrate_sessions.py:1: LG101"), r.heads());
        assertTrue(r.out().contains("through the re-export `netra_backend.app.database.compat.DatabaseSessionManager`"), r.out());
        assertTrue(r.out().contains("(1 file checked)"), r.out());
        assertEquals(onDisk, Files.readString(root.resolve("scripts/migrate_sessions.py")), "the file on disk is not touched");
        Runs clean = withStdin("import os\n", "check", "--stdin-filename", "@scripts/migrate_sessions.py", "-");
        assertEquals(0, clean.code(), clean.out());
    }

    @Test
    void misuseIsOneLine() throws Exception {
        Runs noName = withStdin("", "check", "-");
        assertEquals(2, noName.code());
        assertTrue(noName.err().contains("the path '-' needs --stdin-filename PATH"), noName.err());
        Runs noDash = withStdin("", "check", "--stdin-filename", "@scripts/migrate_sessions.py");
        assertEquals(2, noDash.code());
        assertTrue(noDash.err().contains("--stdin-filename needs the path '-'"), noDash.err());
        Runs ini = withStdin("", "check", "--stdin-filename", "@pytest.ini", "-");
        assertEquals(2, ini.code());
        assertTrue(ini.err().contains("--stdin-filename must name a Python file"), ini.err());
        String onDisk = Files.readString(root.resolve("scripts/migrate_sessions.py"));
        Runs fix = withStdin("from netra_backend.app.database.compat import DatabaseSessionManager\n",
                "check", "--stdin-filename", "@scripts/migrate_sessions.py", "-", "--fix", "--unsafe-fixes");
        assertEquals(2, fix.code());
        assertTrue(fix.err().contains("--fix and --diff do not work on standard input"), fix.err());
        assertEquals(onDisk, Files.readString(root.resolve("scripts/migrate_sessions.py")), "the buffer never reaches the disk");
        for (Runs r : List.of(noName, noDash, ini, fix)) assertEquals(1, r.err().lines().count(), r.err());
    }
}
