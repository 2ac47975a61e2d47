package dev.lintgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private LintgateConfig load(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return new ConfigLoader(dir).load(f, dir);
    }

    private String error(String name, String text) {
        return assertThrows(ConfigException.class, () -> load(name, text)).getMessage();
    }

    @Test
    void readsEveryCoreSetting() throws IOException {
        LintgateConfig c = load("lintgate.toml", """
                select = ["LG1"]
                ignore = ["LG105"]
                exclude = ["generated/"]
                extend-exclude = ["*_pb2.py"]
                target-version = "py312"
                src = ["src", "services"]

                [[deprecated]]
                name = "a.b.C"
                replacement = "a.b.D"
                message = "gone in 2.0"

                [[deprecated]]
                name = "old_module"
                allow-type-checking = false
                """);
        assertEquals(List.of("LG1"), c.select());
        assertEquals(List.of("LG105"), c.ignore());
        assertTrue(c.excludeReplacesDefaults());
        assertEquals(12, c.targetMinor());
        assertEquals(List.of("src", "services"), c.src());
        assertEquals(2, c.deprecated().size());
        DeprecatedTarget first = c.deprecated().get(0);
        assertEquals("a.b.D", first.replacement());
        assertEquals("gone in 2.0", first.message());
        assertTrue(first.allowTypeChecking());
        assertEquals(8, first.location().region().startLine());
        assertFalse(c.deprecated().get(1).allowTypeChecking());
    }

    @Test
    void readsToolLintgateFromPyprojectAndTargetFromRequiresPython() throws IOException {
        LintgateConfig c = load("pyproject.toml", """
                [project]
                name = "x"
                requires-python = ">=3.10"

                [tool.lintgate]
                select = ["LG101"]
                """);
        assertEquals("py310", c.targetVersion());
        assertEquals(List.of(".", "src"), c.src());
        assertFalse(c.excludeReplacesDefaults());
    }

    @Test
    void unknownKeyNamesFileLineAndSuggestion() {
        assertEquals("lintgate.toml:2: unknown setting 'selct' (did you mean 'select'?)",
                error("lintgate.toml", "ignore = []\nselct = [\"LG1\"]\n"));
    }

    @Test
    void wrongTypesAreErrorsWithTheLine() {
        assertEquals("lintgate.toml:1: 'select' must be an array of strings", error("lintgate.toml", "select = 3\n"));
        assertEquals("lintgate.toml:1: expected a version like \"py311\", got \"3.11\"",
                error("lintgate.toml", "target-version = \"3.11\"\n"));
        assertEquals("lintgate.toml:1: [[deprecated]] needs name = \"package.module\" or \"package.module.Attribute\"",
                error("lintgate.toml", "[[deprecated]]\nname = \"not a name\"\n"));
        assertEquals("lintgate.toml:2: 'pytest-version' must be a version such as \"9.1.1\" or \"8.4\", got \">=8\"",
                error("lintgate.toml", "select = []\npytest-version = \">=8\"\n"));
        assertTrue(error("lintgate.toml", "[[deprecated]]\nname = \"a.b\"\nreplace = \"c\"\n")
                .startsWith("lintgate.toml:1: unknown key 'replace' in [[deprecated]]"));
    }

    @Test
    void invalidTomlIsOneLineWithPosition() {
        String m = error("lintgate.toml", "select = [\"LG1\"\n");
        assertTrue(m.startsWith("lintgate.toml:"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void pyprojectWithoutToolTableHoldsNoSettings() throws IOException {
        Path f = dir.resolve("pyproject.toml");
        Files.writeString(f, "[project]\nname = 'lintgate-is-mentioned'\n");
        assertFalse(ConfigLoader.holdsSettings(f));
        Files.writeString(f, "[tool.lintgate]\n");
        assertTrue(ConfigLoader.holdsSettings(f));
    }
}
