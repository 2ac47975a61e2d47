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
    void dropInIsABooleanAndNeedsAReplacement() throws IOException {
        LintgateConfig c = load("pyproject.toml", """
                [[tool.lintgate.deprecated]]
                name = "a.b.C"
                replacement = "a.b.D"
                drop-in = true

                [[tool.lintgate.deprecated]]
                name = "a.b.E"
                replacement = "a.b.F"
                """);
        assertTrue(c.deprecated().get(0).dropIn());
        assertFalse(c.deprecated().get(1).dropIn());
        assertEquals("lintgate.toml:1: 'drop-in' needs a 'replacement'",
                error("lintgate.toml", "[[deprecated]]\nname = \"a.b.C\"\ndrop-in = true\n"));
        assertEquals("lintgate.toml:1: 'drop-in' must be true or false",
                error("lintgate.toml", "[[deprecated]]\nname = \"a.b.C\"\nreplacement = \"a.b.D\"\ndrop-in = \"yes\"\n"));
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

    /**
     * A settings file lintgate cannot read must stop the run with the file and line, as a lintgate.toml that does not
     * parse does; a pyproject.toml whose [tool.lintgate] was silently dropped let the gate pass with checks off.
     */
    @Test
    void undecodableOrUnparseableSettingsStopTheRunWithTheLine() throws IOException {
        Path f = dir.resolve("pyproject.toml");
        byte[] latin1 = "# caf\u00e9\n[tool.lintgate]\nselect = [\"LG101\"]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(f, latin1);
        assertTrue(ConfigLoader.holdsSettings(f));
        assertEquals("pyproject.toml:1: not valid UTF-8 (byte 0xe9), and TOML files must be UTF-8",
                assertThrows(ConfigException.class, () -> new ConfigLoader(dir).load(f, dir)).getMessage());
        Files.writeString(f, "[project\nname = 1\n[tool.lintgate]\nselect = [\"LG101\"]\n");
        assertTrue(ConfigLoader.holdsSettings(f));
        assertTrue(assertThrows(ConfigException.class, () -> new ConfigLoader(dir).load(f, dir)).getMessage().startsWith("pyproject.toml:1:"));
        // not valid UTF-8 and no lintgate table: not lintgate's file to judge (LG206 speaks for pytest)
        Files.write(f, "# caf\u00e9 lintgate\n[project]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertFalse(ConfigLoader.holdsSettings(f));
        Files.writeString(f, "[project]\nname = \"x\"\n[tool]\nlintgate = 5\n");
        assertTrue(ConfigLoader.holdsSettings(f));
        assertEquals("pyproject.toml:4: 'tool.lintgate' must be a table: [tool.lintgate]",
                assertThrows(ConfigException.class, () -> new ConfigLoader(dir).load(f, dir)).getMessage());
    }

    /** README: wrong types stop the run. A string is not a list of one: "LG101,LG2" would be one unknown code. */
    @Test
    void listsMustBeArraysAndCodesMustNameRules() throws IOException {
        assertEquals("lintgate.toml:2: 'select' must be an array of strings", error("lintgate.toml", "\nselect = \"LG101,LG2\"\n"));
        assertEquals("lintgate.toml:1: 'exclude' must be an array of strings", error("lintgate.toml", "exclude = \"build\"\n"));
        assertEquals("lintgate.toml:1: 'src' must be an array of strings", error("lintgate.toml", "src = \"src\"\n"));
        Path f = dir.resolve("lintgate.toml");
        Files.writeString(f, "ignore = [\"LG105\"]\nselect = [\"LG1\", \"LG000\"]\n");
        ConfigLoader checking = new ConfigLoader(dir, code -> code.equals("LG1") || code.equals("LG105"));
        assertEquals("lintgate.toml:2: unknown rule code or prefix 'LG000' in 'select' (see 'lintgate rules')",
                assertThrows(ConfigException.class, () -> checking.load(f, dir)).getMessage());
        assertEquals("lintgate.toml:1: 'max-file-size' must be a number of bytes, 1 or more (e.g. 50_000_000)",
                error("lintgate.toml", "max-file-size = \"50MB\"\n"));
        assertEquals(1_000L, load("lintgate.toml", "max-file-size = 1_000\n").maxFileSize());
        assertEquals(LintgateConfig.DEFAULT_MAX_FILE_SIZE, load("lintgate.toml", "").maxFileSize());
    }

    /** lintgate's own settings are TOML 1.0 (README); TOML 1.1's multi-line inline tables and new escapes are not. */
    @Test
    void settingsAreToml10() {
        String m = error("lintgate.toml", "[[deprecated]]\nname = \"a.b\"\nmessage = \"\\e[1m\"\n");
        assertTrue(m.startsWith("lintgate.toml:3: invalid TOML"), m);
        m = error("lintgate.toml", "consistent-options = {\n}\n");
        assertTrue(m.startsWith("lintgate.toml:1: invalid TOML"), m);
    }
}
