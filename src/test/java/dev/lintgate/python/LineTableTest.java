package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lintgate.finding.Region;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tokenizer hands SourceText its line table: it must be the one SourceText would build from the chars. */
class LineTableTest {

    private static void sameTableEitherWay(String text) {
        SourceText tokenized = SourceText.of(text);
        Tokenizer.run(tokenized);
        int[] expected = SourceText.lineStartsOf(text.toCharArray());
        int[] actual = new int[tokenized.lineCount()];
        for (int line = 1; line <= actual.length; line++) {
            actual[line - 1] = tokenized.lineStart(line);
        }
        assertArrayEquals(expected, actual, text);
    }

    @Test
    void lineBreaksBetweenTokensInStringsAndAfterContinuations() {
        sameTableEitherWay("");
        sameTableEitherWay("\n");
        sameTableEitherWay("a = 1\nb = 2\n");
        sameTableEitherWay("a = 1\r\nb = 2\rc = 3\r\n\r\n\n");
        sameTableEitherWay("x = (1,\n     2)\n# comment\n\n  # indented comment\ny = x \\\n    + 1\n");
        sameTableEitherWay("def f():\n    '''doc\n\n    more\r\n    '''\n    return 1\n");
        sameTableEitherWay("s = 'a\\\nb'\nt = 'a\\\r\nb'\nu = 'a\\\rb'\n");
        sameTableEitherWay("s = \"\"\"a\r\r\nb\rc\"\"\"\n");
        sameTableEitherWay("f = f'''{\n x  # comment\n}''' + f'{a!r:>{w}}'\n");
        sameTableEitherWay("f = f'{a\n+ b}'\nimport os\n");
    }

    @Test
    void brokenInputStillGetsTheSameTable() {
        sameTableEitherWay("s = '''never closed\nimport os\nx = 1\n");
        sameTableEitherWay("s = 'open\nx = 1\n");
        sameTableEitherWay("x = (1,\nimport os\n");
        sameTableEitherWay("x = 1 \\");
        sameTableEitherWay("x = 1 \\\n");
        sameTableEitherWay("f = f'{x\nimport os\n");
        sameTableEitherWay("s = '\\\n");
    }

    @Test
    void regionsOfAsciiAndNonAsciiTextCountCodePoints() {
        SourceText ascii = SourceText.decode("ab = 1\ncd = 2\n".getBytes(StandardCharsets.UTF_8));
        Tokenizer.run(ascii);
        assertEquals(new Region(2, 1, 2, 3), ascii.region(7, 9));
        SourceText astral = SourceText.decode("x = '😀'; y = 1\n".getBytes(StandardCharsets.UTF_8));
        Tokenizer.run(astral);
        int y = "x = '😀'; y".length() - 1;
        assertEquals(new Region(1, 10, 1, 11), astral.region(y, y + 1));
    }
}
