package dev.lintgate.fix;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file's text as fixes edit it: UTF-8 after an optional byte-order mark, kept apart and written back as it was.
 * Text that is not valid UTF-8 is not edited at all (decoding it would replace bytes lintgate could not write back).
 */
final class EditableText {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final boolean bom;
    final String text;
    /** Start offset of each line; a trailing terminator opens no line of its own (as in the Python front end). */
    private final int[] lineStarts;
    /** The file's first line ending, which inserted lines take; "\n" for a file with none. */
    final String newline;

    private EditableText(boolean bom, String text) {
        this.bom = bom;
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.newline = firstNewline(text);
    }

    static Optional<EditableText> of(byte[] bytes) {
        boolean bom = bytes.length >= 3 && Arrays.equals(bytes, 0, 3, BOM, 0, 3);
        int from = bom ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
            return Optional.of(new EditableText(bom, text));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    byte[] encode(String edited) {
        byte[] body = edited.getBytes(StandardCharsets.UTF_8);
        if (!bom) return body;
        byte[] out = new byte[body.length + 3];
        System.arraycopy(BOM, 0, out, 0, 3);
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /**
     * The char offset of a 1-based line and code-point column, or -1 when there is no such place. Column 1 of the line
     * after the last is the end of the text (where deleting the last line ends).
     */
    int offset(int line, int column) {
        if (line < 1 || column < 1) return -1;
        if (line > lineStarts.length) return line == lineStarts.length + 1 && column == 1 ? text.length() : -1;
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        int at = start;
        for (int c = 1; c < column; c++) {
            if (at >= end) return -1;
            at += Character.charCount(text.codePointAt(at));
        }
        return at <= end ? at : -1;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (i + 1 < text.length()) {
                    if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                    starts[n++] = i + 1;
                }
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static String firstNewline(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') return "\n";
            if (c == '\r') return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }
}
