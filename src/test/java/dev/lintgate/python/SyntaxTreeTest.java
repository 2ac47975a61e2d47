package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Region;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxTreeTest {
    private static PythonFile py(String source) {
        return PythonFiles.parse("m.py", "m", false, source.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsTextAndRegions() {
        PythonFile f = py("from a.b import C as D\nif TYPE_CHECKING:\n    import x\n");
        SyntaxTree tree = f.syntaxTree();
        assertSame(tree, f.syntaxTree());
        assertFalse(tree.hasError());
        List<SyntaxNode> statements = tree.root().namedChildren();
        SyntaxNode from = statements.get(0);
        assertEquals("import_from_statement", from.type());
        assertEquals("a.b", from.child("module_name").text());
        SyntaxNode alias = from.children("name").get(0);
        assertEquals("aliased_import", alias.type());
        assertEquals("D", alias.child("alias").text());
        assertEquals(Region.of(1, 17, 23), alias.region());
        SyntaxNode ifStatement = statements.get(1);
        assertEquals("TYPE_CHECKING", ifStatement.child("condition").text());
        assertEquals(Region.of(3, 5, 13), ifStatement.child("consequence").namedChildren().get(0).region());
        assertEquals("module", from.parent().type());
    }

    @Test
    void columnsAreCodePointsAfterAstralCharacters() {
        // 𝔘 is 4 UTF-8 bytes and 2 UTF-16 chars but one code point
        PythonFile f = py("x = '𝔘é'; import os\n");
        SyntaxNode imp = f.syntaxTree().root().namedChildren().get(1);
        assertEquals("import_statement", imp.type());
        assertEquals(Region.of(1, 11, 20), imp.region());
        assertEquals("os", imp.child("name").text());
        assertEquals(Region.of(1, 18, 20), imp.child("name").region());
    }

    @Test
    void errorsAreReportedWithRegions() {
        SyntaxTree tree = py("import os\nlazy import foo\nx = (1,\n").syntaxTree();
        assertTrue(tree.hasError());
        List<Region> errors = tree.errorRegions();
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).startLine() >= 2, errors.toString());
    }

    @Test
    void fuzzedInputNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] input = new byte[random.nextInt(300)];
            random.nextBytes(input);
            if (round % 2 == 0) {
                input = ("x = '\0\u00e9'\nimport a\n" + new String(input, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.UTF_8);
            }
            SyntaxTree tree = PythonFiles.parse("m.py", "m", false, input).syntaxTree();
            tree.errorRegions();
            for (SyntaxNode node : tree.root().namedChildren()) {
                node.region();
                node.text();
            }
        }
    }

    @Test
    void pep701FStringParses() {
        assertFalse(py("s = f\"{x[\"k\"]} {f\"{y}\"}\"\n").syntaxTree().hasError());
    }
}
