package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleNamesTest {
    @Test
    void deepestRootWins() {
        List<String> roots = List.of(".", "src");
        assertEquals("app.db.session", ModuleNames.moduleName("src/app/db/session.py", roots));
        assertEquals("tools.x", ModuleNames.moduleName("tools/x.py", roots));
        assertEquals("app.db", ModuleNames.moduleName("src/app/db/__init__.py", roots));
        assertEquals("app.db", ModuleNames.moduleName("src/app/db/__init__.pyi", roots));
        assertEquals("stubs.m", ModuleNames.moduleName("stubs/m.pyi", List.of("./")));
        assertEquals("x__init__", ModuleNames.moduleName("x__init__.py", List.of(".")));
        assertEquals("a.__init__.c", ModuleNames.moduleName("a/__init__/c.py", List.of(".")));
    }

    @Test
    void notImportable() {
        assertNull(ModuleNames.moduleName("other/x.py", List.of("src")));
        assertNull(ModuleNames.moduleName("src/my-app/x.py", List.of("src")));
        assertNull(ModuleNames.moduleName("src/__init__.py", List.of("src")));
        assertNull(ModuleNames.moduleName("src/x.txt", List.of("src")));
        assertNull(ModuleNames.moduleName("src/2x.py", List.of("src")));
        for (String empty : List.of("a//b.py", "a/.py", ".py", "a/b$.py")) assertNull(ModuleNames.moduleName(empty, List.of(".")), empty);
        assertEquals("ünï.cödé", ModuleNames.moduleName("ünï/cödé.py", List.of(".")));
    }

    @Test
    void packages() {
        assertTrue(ModuleNames.isPackage("a/b/__init__.py"));
        assertTrue(ModuleNames.isPackage("__init__.pyi"));
        assertFalse(ModuleNames.isPackage("a/b/init.py"));
    }

    @Test
    void asciiPathsAgreeWithTheGeneralForm() {
        // every path over a small alphabet that reaches the edge cases: empty segments, digits first, __init__
        String[] pieces = {"a", "Z9", "_", "1", "/", ".", "-", "__init__", "é", ""};
        String[] suffixes = {".py", ".pyi", ".txt", "", "/__init__.py", "__init__.py"};
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder path = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) path.append(pieces[random.nextInt(pieces.length)]);
            path.append(suffixes[random.nextInt(suffixes.length)]);
            String p = path.toString();
            assertEquals(ModuleNames.fromSegments(p), ModuleNames.fromRootRelative(p), p);
        }
    }
}
