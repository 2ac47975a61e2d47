package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Region;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> tokens(String source) {
        Tokenizer t = Tokenizer.run(SourceText.of(source));
        List<String> out = new ArrayList<>();
        Tokens k = t.tokens;
        for (int i = 0; i < k.size; i++) {
            out.add(switch (k.kind[i]) {
                case Tokens.NEWLINE -> "NL";
                case Tokens.INDENT -> "IN";
                case Tokens.DEDENT -> "DE";
                case Tokens.END -> "END";
                default -> k.text(i);
            });
        }
        return out;
    }

    private static List<SyntaxProblem> problems(String source) {
        return Tokenizer.run(SourceText.of(source)).problems;
    }

    private static List<String> importedModules(String source) {
        List<String> out = new ArrayList<>();
        for (ImportBinding b : PythonFiles.parse("m.py", "m", false, source.getBytes(StandardCharsets.UTF_8)).imports()) {
            out.add(b.name() == null ? b.module() : b.module() + ":" + b.name());
        }
        return out;
    }

    @Test
    void nestedFStringsArePep701SingleTokens() {
        String src = "x = f\"a{f\"b{c!r:>{w}}\"}d{'{'}\" + f'{x:{\"}\"}}'\nimport y\n";
        assertEquals(List.of("x", "=", "f\"a{f\"b{c!r:>{w}}\"}d{'{'}\"", "+", "f'{x:{\"}\"}}'", "NL",
                "import", "y", "NL", "END"), tokens(src));
        assertTrue(problems(src).isEmpty(), problems(src).toString());
    }

    @Test
    void fStringDoubledBracesAndEscapes() {
        String src = "s = f'{{not a field}} {a[\"k\"]} \\N{BULLET} \\{x}'\n";
        assertEquals(List.of("s", "=", "f'{{not a field}} {a[\"k\"]} \\N{BULLET} \\{x}'", "NL", "END"), tokens(src));
        assertTrue(problems(src).isEmpty());
    }

    @Test
    void fStringFieldMaySpanLinesInsideBrackets() {
        String src = "s = f\"{', '.join([\n    'a',  # comment\n])}\"\nimport z\n";
        assertEquals(List.of("z"), importedModules(src));
        assertTrue(problems(src).isEmpty(), problems(src).toString());
    }

    @Test
    void fStringFieldWithCommentAndLineBreak() {
        String src = "x = f\"{1+2 = # my comment\n  }\"\nimport z\n";
        assertEquals(List.of("z"), importedModules(src));
        assertTrue(problems(src).isEmpty(), problems(src).toString());
        String broken = "x = f\"{1+2\nimport z\n";
        assertEquals(List.of("z"), importedModules(broken));
        assertFalse(problems(broken).isEmpty());
    }

    @Test
    void tripleQuotesWithEmbeddedQuotes() {
        String src = "s = '''it's \"quoted\" '' and\nimport x\n'''\nd = \"\"\"a \"\" b \\\"\"\" c\"\"\"\nimport real\n";
        assertEquals(List.of("real"), importedModules(src));
        assertTrue(problems(src).isEmpty());
    }

    @Test
    void allPrefixesAnyCase() {
        for (String prefix : List.of("r", "R", "b", "B", "u", "U", "f", "F", "t", "T", "rb", "bR", "Br", "fr", "rF", "Tr", "rt")) {
            String src = "x = " + prefix + "'v'\n";
            assertEquals(List.of("x", "=", prefix + "'v'", "NL", "END"), tokens(src), prefix);
        }
        assertEquals(List.of("x", "=", "ur", "'v'", "NL", "END"), tokens("x = ur'v'\n"));
    }

    @Test
    void rawStringBackslashKeepsQuote() {
        assertEquals(List.of("x", "=", "r'\\''", "+", "r\"\\\\\"", "NL", "END"), tokens("x = r'\\'' + r\"\\\\\"\n"));
    }

    @Test
    void backslashContinuationJoinsLines() {
        assertEquals(List.of("from", "a", "import", "b", ",", "c", "NL", "END"), tokens("from a import \\\n    b, \\\n c\n"));
    }

    @Test
    void commentsOfAReleasedFileComeFromItsTokensAgain() {
        byte[] bytes = "import a  # noqa\n\ndef f():\n    pass  # lintgate: ignore[LG101]\n".getBytes(StandardCharsets.UTF_8);
        Map<Integer, String> expected = Map.of(1, " noqa", 4, " lintgate: ignore[LG101]");
        PythonFile f = PythonFiles.parse("m.py", "m", false, bytes, () -> bytes);
        f.retain();
        assertEquals(expected, f.comments());
        f.release();
        assertEquals(List.of("f"), f.definitions().stream().map(Definition::name).toList());
        assertEquals(expected, f.comments());
    }

    @Test
    void bracketsJoinLinesAndIgnoreIndentation() {
        assertEquals(List.of("x", "=", "(", "1", ",", "2", ")", "NL", "y", "NL", "END"), tokens("x = (1,\n        2)\ny\n"));
    }

    @Test
    void commentsAreRecordedButStringsAreNot() {
        String src = "# import a\nx = '# not a comment'  # import b\nimport c  #: real\n";
        PythonFile f = PythonFiles.parse("m.py", "m", false, src.getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of(1, " import a", 2, " import b", 3, ": real"), f.comments());
        assertEquals(List.of("c"), importedModules(src));
    }

    @Test
    void stringsContainingImportAreNotImports() {
        assertEquals(List.of(), importedModules("x = 'import os'\ny = \"\"\"\nfrom a import b\n\"\"\"\n"));
    }

    @Test
    void indentationWithTabsRoundsToEight() {
        // 4 spaces + tab reach column 8 like one tab, so no INDENT/DEDENT between them (CPython adds a TabError)
        assertEquals(List.of("if", "x", ":", "NL", "IN", "a", "NL", "b", "NL", "DE", "END"), tokens("if x:\n    \ta\n\tb\n"));
    }

    @Test
    void inconsistentTabsAndSpacesAreReported() {
        // a tab and 8 spaces are the same level at tab size 8 but not at tab size 1
        assertEquals("inconsistent use of tabs and spaces in indentation", problems("if x:\n\ta\n        b\n").get(0).message());
        assertTrue(problems("if x:\n\tif y:\n\t\ta\n\tb\n").isEmpty());
    }

    @Test
    void blankAndCommentLinesDoNotChangeIndentation() {
        assertEquals(List.of("if", "x", ":", "NL", "IN", "a", "NL", "b", "NL", "DE", "END"),
                tokens("if x:\n    a\n\n# c\n      \n    b\n"));
    }

    @Test
    void crlfAndLoneCrEndLines() {
        assertEquals(List.of("a", "NL", "b", "NL", "c", "NL", "END"), tokens("a\r\nb\rc"));
    }

    @Test
    void formFeedResetsIndentation() {
        assertEquals(List.of("a", "NL", "b", "NL", "END"), tokens("a\n    \fb\n"));
    }

    @Test
    void numbersAndOperators() {
        assertEquals(List.of("x", "=", "0x1e", "+", "1_000.5e-3j", "**=", "...", "->", ":=", "NL", "END"),
                tokens("x = 0x1e+1_000.5e-3j **= ... -> :=\n"));
    }

    @Test
    void unicodeIdentifiersAndColumnsInCodePoints() {
        String src = "𝔘 = 'é'; import ñ\n";
        PythonFile f = PythonFiles.parse("m.py", "m", false, src.getBytes(StandardCharsets.UTF_8));
        ImportBinding b = f.imports().get(0);
        assertEquals("ñ", b.module());
        assertEquals(Region.of(1, 17, 18), b.region());
    }

    @Test
    void nonAsciiNamesAreNfkcNormalizedLikeCpython() {
        PythonFile f = PythonFiles.parse("m.py", "m", false, "from 𝔭𝔨𝔤 import 𝔘 as ﬁx\n".getBytes(StandardCharsets.UTF_8));
        ImportBinding b = f.imports().get(0);
        assertEquals(List.of("pkg", "U", "fix"), List.of(b.module(), b.name(), b.boundName()));
    }

    @Test
    void bomIsDroppedAndLatin1CookieHonoured() {
        byte[] bom = "\uFEFFimport a\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("a", PythonFiles.parse("m.py", "m", false, bom).imports().get(0).module());
        byte[] latin = "# -*- coding: latin-1 -*-\nx = '\u00e9'\nimport \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        PythonFile f = PythonFiles.parse("m.py", "m", false, latin);
        assertEquals("\u00e9t\u00e9", f.imports().get(0).module());
        assertTrue(f.syntaxProblems().isEmpty(), f.syntaxProblems().toString());
    }

    @Test
    void invalidUtf8IsReportedButScanned() {
        byte[] bytes = {'x', '=', '\'', (byte) 0xff, '\'', '\n', 'i', 'm', 'p', 'o', 'r', 't', ' ', 'a', '\n'};
        PythonFile f = PythonFiles.parse("m.py", "m", false, bytes);
        assertEquals("a", f.imports().get(0).module());
        assertTrue(f.syntaxProblems().get(0).message().contains("UTF-8"));
    }

    @Test
    void lexicalErrorsAreReported() {
        assertTrue(problems("x = 'abc\n").get(0).message().startsWith("unterminated string literal"));
        assertTrue(problems("x = '''abc\n").get(0).message().startsWith("unterminated triple-quoted string literal"));
        assertEquals("unmatched ')'", problems("x = 1)\n").get(0).message());
        assertTrue(problems("x = (1]\n").get(0).message().contains("does not match"));
        assertEquals("'(' was never closed", problems("x = (1,\n").get(0).message());
        assertEquals("unindent does not match any outer indentation level", problems("if x:\n    a\n  b\n").get(0).message());
        assertTrue(problems("x = $\n").get(0).message().startsWith("invalid character '$'"));
        assertTrue(problems("x = f'{a'\n").get(0).message().contains("unterminated"));
    }

    /** Everything a run hands over, as one string: tokens with offsets, closers, comments, lines and problems. */
    private static String everything(String source) {
        SourceText text = SourceText.of(source);
        Tokenizer t = Tokenizer.run(text);
        Tokens k = t.tokens;
        StringBuilder b = new StringBuilder();
        b.append(k.kind.length).append(' ').append(k.closer.length).append(' ').append(k.semicolons).append('\n');
        for (int i = 0; i < k.size; i++) {
            b.append(k.kind[i]).append(' ').append(k.code[i]).append(' ').append(k.start[i]).append('-')
                    .append(k.end[i]).append(" c").append(k.closer[i]).append('\n');
        }
        b.append(t.commentStart.length).append(" comments");
        for (int i = 0; i < t.commentCount; i++) {
            b.append(' ').append(t.commentStart[i]).append('-').append(t.commentEnd[i]);
        }
        b.append("\nlines");
        for (int line = 1; line <= text.lineCount(); line++) {
            b.append(' ').append(text.lineStart(line));
        }
        return b.append('\n').append(t.problems).toString();
    }

    @Test
    void buffersKeptPerThreadCarryNothingOverFromTheFileBefore() throws Exception {
        // the first file grows every buffer (tokens, brackets, indentation, comments, lines); the small ones after it
        // must come out exactly as on a thread that never tokenized anything
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            big.append("    ".repeat(i)).append("if x:  # c").append(i).append('\n');
        }
        big.append("    ".repeat(70)).append("y = ").append("(".repeat(300)).append("[1, {2: 3}]").append(")".repeat(300));
        // 180,000 tokens: the buffers grow, and stay below the size past which they are dropped
        big.append("\n").append("z = [a(b), c[d]] ; w = 1  # k\n".repeat(10_000));
        List<String> small = List.of("", "x", "f(a)[b]{c}\n", "def f():\n    return (1,\n 2)  # two\n",
                "x = )\n", "if a:\n\tb\n        c\n", "s = '''\nopen", "a[(]\n");
        List<String> fresh = new ArrayList<>();
        for (String source : small) {
            String[] out = new String[1];
            Thread thread = new Thread(() -> out[0] = everything(source));
            thread.start();
            thread.join();
            fresh.add(out[0]);
        }
        everything(big.toString());
        for (int i = 0; i < small.size(); i++) {
            assertEquals(fresh.get(i), everything(small.get(i)), small.get(i));
        }
    }
}
