package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lintgate.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files named on the command line, as pre-commit names the staged ones: a named file that changes how others are
 * checked reports the findings in the files it governs, a named source file only its own.
 */
class TargetScopeTest {
    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write("lintgate.toml", "select = [\"LG210\", \"LG101\"]\n[[deprecated]]\nname = \"os.getcwdb\"\n");
        write("pyproject.toml", "[project]\nname = \"shop\"\n");
        write("requirements-test.txt", "pytest==9.1.1\n");
        write("lib/pyproject.toml", "[project]\nname = \"shop-lib\"\n");
        write("lib/requirements/dev-requirements.txt", "pytest==9.1.1\n");
        write("lib/shop_lib/old.py", "from os import getcwdb\n");
        write("pytest.ini", "[pytest]\naddopts = --strict-markers\nmarkers =\n    slow: slow tests\n");
        write("tests/test_a.py", "import pytest\n\n@pytest.mark.fast\ndef test_a():\n    pass\n");
        write("tests/unit/conftest.py", "");
        write("tests/unit/test_b.py", "import pytest\n\n@pytest.mark.quick\ndef test_b():\n    pass\n");
        write("app/old.py", "from os import getcwdb\n");
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    /** The "path:code" of every finding when only {@code named} are passed. */
    private List<String> findings(String... named) {
        String[] args = new String[named.length + 4];
        args[0] = "check";
        args[1] = "--format";
        args[2] = "concise";
        args[3] = "--quiet";
        for (int i = 0; i < named.length; i++) args[i + 4] = root.resolve(named[i]).toString();
        StringWriter out = new StringWriter();
        Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString().lines().map(l -> l.substring(0, l.indexOf(':')) + ":" + l.split(" ")[1]).toList();
    }

    @Test
    void aSourceFileStandsForItself() {
        assertEquals(List.of("app/old.py:LG101"), findings("app/old.py"));
        assertEquals(List.of("tests/test_a.py:LG210"), findings("tests/test_a.py"));
    }

    @Test
    void aPytestConfigStandsForTheTestsBelowIt() {
        // at the root, that is every file
        assertEquals(List.of("app/old.py:LG101", "lib/shop_lib/old.py:LG101", "tests/test_a.py:LG210",
                "tests/unit/test_b.py:LG210"), findings("pytest.ini"));
    }

    @Test
    void aConftestStandsForItsDirectory() {
        assertEquals(List.of("tests/unit/test_b.py:LG210"), findings("tests/unit/conftest.py"));
    }

    @Test
    void aDependencyFileStandsForItsWholeProject() {
        // lib/ is a project of its own (its pyproject.toml): its requirements govern it, not the repository
        assertEquals(List.of("lib/shop_lib/old.py:LG101"), findings("lib/requirements/dev-requirements.txt"));
        assertEquals(List.of("app/old.py:LG101", "lib/shop_lib/old.py:LG101", "tests/test_a.py:LG210",
                "tests/unit/test_b.py:LG210"), findings("requirements-test.txt"));
    }

    @Test
    void theSettingsStandForEverything() {
        assertEquals(List.of("app/old.py:LG101", "lib/shop_lib/old.py:LG101", "tests/test_a.py:LG210",
                "tests/unit/test_b.py:LG210"), findings("lintgate.toml"));
    }
}
