package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpelledNamesTest {
    private static SpelledNames of(String source) {
        PythonFile file = PythonFiles.parse("m.py", "m", false, source.getBytes(StandardCharsets.UTF_8));
        return file.spelledNames();
    }

    @Test
    void namesInCodeDottedStringsAndTemplateFields() {
        SpelledNames s = of("""
                import app.db as db
                from app.sm import Manager as M
                x = db.Session()
                patch("app.sm:OldManager")
                y = f"{db.Legacy} is gone"
                z = r'pkg.mod.Raw'
                é = 1
                """);
        for (String word : List.of("app", "db", "sm", "Manager", "M", "Session", "OldManager", "Legacy", "gone", "pkg",
                "mod", "Raw", "é", "x", "import")) {
            assertTrue(s.mayContain(word), word);
        }
    }

    @Test
    void commentsProseAndPartsOfLongerNamesAreNotNames() {
        SpelledNames s = of("""
                # OldManager was removed
                \"\"\"Docstring mentioning Legacy and other words.\"\"\"
                message = "the Session is closed"
                TOptional = OrderedDictX = 1
                """);
        for (String word : List.of("OldManager", "removed", "Legacy", "Docstring", "Session", "closed", "Optional",
                "OrderedDict")) {
            assertFalse(s.mayContain(word), word);
        }
        assertTrue(s.mayContain("TOptional"));
        assertTrue(s.mayContain("OrderedDictX"));
    }

    @Test
    void aWordTheFileLacksIsRarelyAMaybe() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 2000; i++) source.append("name_").append(i).append(" = other_").append(i).append(".attr\n");
        SpelledNames s = of(source.toString());
        for (int i = 0; i < 2000; i++) assertTrue(s.mayContain("other_" + i));
        int maybes = 0;
        for (int i = 0; i < 10_000; i++) {
            if (s.mayContain("absent_" + i)) maybes++;
        }
        // designed for about one in a thousand; a poor hash or a sizing error shows as several percent
        assertTrue(maybes < 50, maybes + " of 10000 absent words read as maybe");
    }
}
