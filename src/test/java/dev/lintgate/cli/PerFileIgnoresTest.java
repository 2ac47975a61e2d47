package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code per-file-ignores} as ruff reads it: a name anywhere, a path from the settings file's directory, prefixes, negation. */
class PerFileIgnoresTest {
    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("pyproject.toml", "[project]\nname = \"shop\"\n");
        write("pytest.ini", "[pytest]\naddopts = --strict-markers\n");
        write("requirements-test.txt", "pytest==9.1.1\n");
        write("app/old.py", "from os import getcwdb\n");
        write("app/legacy/old.py", "from os import getcwdb\n");
        write("scripts/tool.py", "from os import getcwdb\n");
        write("tests/test_a.py", "import pytest\nfrom os import getcwdb\n\n@pytest.mark.fast\ndef test_a():\n    pass\n");
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    private void settings(String ignores) throws IOException {
        write("lintgate.toml", "select = [\"LG210\", \"LG101\"]\n" + ignores + "\n[[deprecated]]\nname = \"os.getcwdb\"\n");
    }

    private List<String> findings() {
        Runs r = Runs.in(root, "check", "@.", "--format", "concise");
        assertTrue(r.code() < 2, r.err());
        return r.heads();
    }

    @Test
    void withoutIgnoresEveryFindingIsReported() throws IOException {
        settings("");
        assertEquals(List.of("app/legacy/old.py:1: LG101", "app/old.py:1: LG101", "scripts/tool.py:1: LG101",
                "tests/test_a.py:2: LG101", "tests/test_a.py:4: LG210"), findings());
    }

    @Test
    void aNameWithoutSlashMatchesInEveryDirectoryAndAPathFromTheSettingsDirectory() throws IOException {
        settings("[per-file-ignores]\n\"old.py\" = [\"LG101\"]\n\"tests/*\" = [\"LG2\"]\n");
        assertEquals(List.of("scripts/tool.py:1: LG101", "tests/test_a.py:2: LG101"), findings());
    }

    @Test
    void aPathPatternIsNotAName() throws IOException {
        settings("[per-file-ignores]\n\"legacy/old.py\" = [\"LG101\"]\n\"app/*.py\" = [\"LG210\"]\n");
        // legacy/ is not at the settings' directory; '*' crosses '/' as in ruff, but the code is another
        assertEquals(List.of("app/legacy/old.py:1: LG101", "app/old.py:1: LG101", "scripts/tool.py:1: LG101",
                "tests/test_a.py:2: LG101", "tests/test_a.py:4: LG210"), findings());
    }

    @Test
    void extendAddsNegationAppliesToTheRestAndStarCrossesDirectories() throws IOException {
        settings("[per-file-ignores]\n\"app/*\" = [\"LG101\"]\n[extend-per-file-ignores]\n\"!tests/**\" = [\"LG1\"]\n");
        assertEquals(List.of("tests/test_a.py:2: LG101", "tests/test_a.py:4: LG210"), findings());
    }

    @Test
    void anUnknownCodeStopsTheRunWithTheFileAndLine() throws IOException {
        settings("[per-file-ignores]\n\"app/*\" = [\"LG1O1\"]\n");
        Runs r = Runs.in(root, "check", "@.");
        assertEquals(2, r.code());
        assertEquals("lintgate: error: lintgate.toml:2: unknown rule code or prefix 'LG1O1' for \"app/*\" in 'per-file-ignores' (see 'lintgate rules')",
                r.err().strip());
        settings("[per-file-ignores]\n\"app/*\" = \"LG101\"\n");
        Runs notList = Runs.in(root, "check", "@.");
        assertEquals(2, notList.code());
        assertTrue(notList.err().contains("lintgate.toml:2: 'per-file-ignores' maps each glob to an array"), notList.err());
    }
}
