package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    /** The chars Utf8 writes for the whole of bytes, or null when it refuses them. */
    private static char[] decoded(byte[] bytes) {
        char[] chars = new char[bytes.length];
        int n = Utf8.decode(bytes, 0, chars, 0);
        return n < 0 ? null : Arrays.copyOf(chars, n);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void wellFormedTextDecodesAsTheJdkDecodesIt() {
        String text = "ascii, é ß ü, € ≠ ∑, 漢字, \uFEFF bom, \uFFFD literal, 𝔘 and 😀 outside the BMP, \u07FF\u0800\uFFFF";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text.toCharArray(), decoded(bytes));
    }

    @Test
    void malformedSequencesAreLeftToTheJdk() {
        assertNull(decoded(bytes(0x80)), "lone continuation byte");
        assertNull(decoded(bytes(0xC0, 0xAF)), "overlong two-byte form");
        assertNull(decoded(bytes(0xE0, 0x80, 0xAF)), "overlong three-byte form");
        assertNull(decoded(bytes(0xED, 0xA0, 0x80)), "encoded surrogate");
        assertNull(decoded(bytes(0xF0, 0x80, 0x80, 0xAF)), "overlong four-byte form");
        assertNull(decoded(bytes(0xF4, 0x90, 0x80, 0x80)), "above U+10FFFF");
        assertNull(decoded(bytes(0xF5, 0x80, 0x80, 0x80)), "no such lead byte");
        assertNull(decoded(bytes('a', 0xE2, 0x82)), "cut off at the end");
        assertNull(decoded(bytes(0xC3, 'a')), "missing continuation");
    }

    @Test
    void randomBytesAreEitherDecodedLikeTheJdkOrRefused() {
        Random random = new Random(1);
        byte[] sample = "x = 'é€😀'\n".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 20000; round++) {
            byte[] b = Arrays.copyOf(sample, sample.length);
            for (int k = random.nextInt(3); k >= 0; k--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            char[] mine = decoded(b);
            if (mine != null) {
                assertEquals(new String(b, StandardCharsets.UTF_8), new String(mine), Arrays.toString(b));
            }
        }
    }

    @Test
    void sourceTextDecodesMixedFilesInOnePassWithTheSameResult() {
        String text = "# -*- coding: utf-8 -*-\nname = 'café'  # 😀\r\nprint(name)\r";
        SourceText source = SourceText.decode(text.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(text.toCharArray(), source.chars);
        assertNull(source.decodingProblem);
        assertEquals(3, source.lineCount());
        assertEquals("print(name)", source.line(3));
    }
}
