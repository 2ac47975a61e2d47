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
    }

    @Test
    void notImportable() {
        assertNull(ModuleNames.moduleName("other/x.py", List.of("src")));
        assertNull(ModuleNames.moduleName("src/my-app/x.py", List.of("src")));
        assertNull(ModuleNames.moduleName("src/__init__.py", List.of("src")));
        assertNull(ModuleNames.moduleName("src/x.txt", List.of("src")));
        assertNull(ModuleNames.moduleName("src/2x.py", List.of("src")));
        assertEquals("ünï.cödé", ModuleNames.moduleName("ünï/cödé.py", List.of(".")));
    }

    @Test
    void packages() {
        assertTrue(ModuleNames.isPackage("a/b/__init__.py"));
        assertTrue(ModuleNames.isPackage("__init__.pyi"));
        assertFalse(ModuleNames.isPackage("a/b/init.py"));
    }
}
