package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decoded source text with its line table. Offsets are char indexes into {@link #chars}; {@link #region} converts
 * them to 1-based lines and code-point columns, the only place where UTF-16 surrogates matter.
 *
 * <p>The line table is usually handed over by the {@link Tokenizer}, which meets every line break anyway: building it
 * while decoding doubled the cost of the decoding loop. Text that is not tokenized builds it on first use.
 */
final class SourceText {
    final char[] chars;
    final int length;
    /**
     * Start offset of each line, exactly one entry per line; lineStarts[0] == 0. A trailing terminator does not open
     * a line of its own. Null until the tokenizer hands it over or a line is asked for; volatile because a file's
     * text may be shared by threads (any of them may build it, all build the same).
     */
    private volatile int[] lineStarts;
    /**
     * 0-based line of the last answer of {@link #lineOf}. Threads may race on it: it is only a first guess, always a
     * valid line, and checked before use.
     */
    private int lastLine;
    /** Set when the bytes are not valid in the declared encoding (CPython would refuse the file). */
    final String decodingProblem;
    /** True when every char is ASCII: then a column is an offset difference, with no surrogates to look for. */
    private final boolean ascii;

    private SourceText(char[] chars, String decodingProblem, boolean ascii) {
        this.chars = chars;
        this.length = chars.length;
        this.decodingProblem = decodingProblem;
        this.ascii = ascii;
    }

    private static SourceText of(char[] chars, String decodingProblem) {
        return new SourceText(chars, decodingProblem, false);
    }

    /** The line table, built from the chars when the tokenizer has not handed one over. */
    private int[] lines() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = lineStartsOf(chars);
            lineStarts = starts;
        }
        return starts;
    }

    /**
     * Takes the line table the tokenizer built ({@code count} entries of {@code starts}), unless one exists already;
     * it must equal what {@link #lineStartsOf} would build.
     */
    void adoptLineStarts(int[] starts, int count) {
        if (lineStarts == null) {
            lineStarts = Arrays.copyOf(starts, count);
        }
    }

    /** Start offsets of the lines of {@code chars}: after each "\n", "\r\n" or lone "\r" that is not the last char. */
    static int[] lineStartsOf(char[] chars) {
        int[] starts = new int[Math.max(16, chars.length / 32)];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < chars.length && chars[i + 1] == '\n') {
                    i++;
                }
                if (i + 1 < chars.length) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                }
            }
        }
        return Arrays.copyOf(starts, n);
    }

    static SourceText of(String text) {
        return of(text.toCharArray(), null);
    }

    /**
     * Decodes like CPython: a UTF-8 BOM is dropped, a PEP 263 cookie on line 1 or 2 picks the charset, and UTF-8 is
     * the default. Undecodable bytes become U+FFFD so that scanning can go on.
     */
    static SourceText decode(byte[] bytes) {
        int offset = 0;
        boolean bom = false;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
            bom = true;
        }
        Charset charset = StandardCharsets.UTF_8;
        String problem = null;
        String cookie = codingCookie(bytes, offset);
        if (cookie != null) {
            Charset declared = charsetFor(cookie);
            if (declared == null) {
                problem = "unknown encoding: " + cookie;
            } else if (bom && declared != StandardCharsets.UTF_8) {
                problem = "encoding problem: " + cookie + " with BOM";
            } else {
                charset = declared;
            }
        }
        if (charset == StandardCharsets.UTF_8) {
            SourceText utf8 = utf8(bytes, offset, problem);
            if (utf8 != null) return utf8;
        }
        String text = new String(bytes, offset, bytes.length - offset, charset);
        if (problem == null && charset == StandardCharsets.UTF_8 && text.indexOf('\uFFFD') >= 0) {
            // U+FFFD may be written literally, so only a strict second decode can tell
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            } catch (CharacterCodingException e) {
                problem = "invalid UTF-8 in source (no encoding declared)";
            }
        }
        return of(text.toCharArray(), problem);
    }

    /**
     * Most source files are pure ASCII: then the chars are the bytes, with no intermediate String and no search for
     * U+FFFD. The rest are mostly well-formed UTF-8, decoded here in the same pass; null when a sequence is malformed,
     * for the JDK's decoder to replace it as it does.
     */
    private static SourceText utf8(byte[] bytes, int offset, String decodingProblem) {
        int length = bytes.length - offset;
        char[] chars = new char[length];
        int i = 0;
        for (int b = offset; i < length; i++, b++) {
            byte c = bytes[b];
            if (c < 0) {
                break;
            }
            chars[i] = (char) c;
        }
        if (i == length) {
            return new SourceText(chars, decodingProblem, true);
        }
        int n = Utf8.decode(bytes, offset + i, chars, i);
        if (n < 0) {
            return null;
        }
        return new SourceText(n == length ? chars : Arrays.copyOf(chars, n), decodingProblem, false);
    }

    /** The PEP 263 cookie from the first two lines ("coding[:=]\s*name" inside a comment), or null. */
    private static String codingCookie(byte[] b, int offset) {
        int pos = offset;
        for (int lineNo = 0; lineNo < 2 && pos < b.length; lineNo++) {
            int end = pos;
            while (end < b.length && b[end] != '\n' && b[end] != '\r') {
                end++;
            }
            int i = pos;
            while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
                i++;
            }
            if (i < end && b[i] == '#') {
                String line = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
                int at = line.indexOf("coding");
                while (at >= 0) {
                    int k = at + 6;
                    if (k < line.length() && (line.charAt(k) == ':' || line.charAt(k) == '=')) {
                        k++;
                        while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
                            k++;
                        }
                        int s = k;
                        while (k < line.length() && (Character.isLetterOrDigit(line.charAt(k))
                                || line.charAt(k) == '-' || line.charAt(k) == '_' || line.charAt(k) == '.')) {
                            k++;
                        }
                        if (k > s) {
                            return line.substring(s, k);
                        }
                    }
                    at = line.indexOf("coding", at + 1);
                }
            } else if (i < end) {
                return null; // the cookie must be in a comment-only line; code on line 1 ends the search
            }
            pos = end;
            if (pos < b.length && b[pos] == '\r') {
                pos++;
            }
            if (pos < b.length && b[pos] == '\n') {
                pos++;
            }
        }
        return null;
    }

    private static Charset charsetFor(String cookie) {
        String name = cookie.toLowerCase(Locale.ROOT).replace('_', '-');
        // CPython's get_normal_name: prefixes of these spellings are the canonical codecs
        if (name.equals("utf-8") || name.startsWith("utf-8-") || name.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equals("latin-1") || name.equals("iso-8859-1") || name.equals("iso-latin-1")
                || name.startsWith("latin-1-") || name.startsWith("iso-8859-1-") || name.startsWith("iso-latin-1-")
                || name.equals("latin1") || name.equals("l1")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    int lineCount() {
        return lines().length;
    }

    int lineStart(int line) {
        return lines()[line - 1];
    }

    /** 1-based line containing offset. */
    int lineOf(int offset) {
        // offsets mostly come in order (tokens, imports, comments): try the last answer and the next few lines first
        int[] lineStarts = lines();
        int lineCount = lineStarts.length;
        int k = lastLine;
        if (lineStarts[k] <= offset) {
            for (int step = 0; step < 4; step++) {
                if (k + 1 == lineCount || lineStarts[k + 1] > offset) {
                    lastLine = k;
                    return k + 1;
                }
                k++;
            }
        }
        int lo = 0;
        int hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lastLine = lo;
        return lo + 1;
    }

    /** 1-based code-point column of offset. */
    int columnOf(int offset, int line) {
        int start = lines()[line - 1];
        int end = Math.min(offset, length);
        if (ascii) {
            return 1 + Math.max(0, end - start) + Math.max(0, offset - end);
        }
        int column = 1;
        for (int i = start; i < end; i++) {
            if (!(Character.isLowSurrogate(chars[i]) && i > start && Character.isHighSurrogate(chars[i - 1]))) {
                column++;
            }
        }
        return column + Math.max(0, offset - end);
    }

    Region region(int startOffset, int endOffset) {
        int startLine = lineOf(startOffset);
        int endLine = endOffset <= startOffset ? startLine : lineOf(endOffset);
        int startColumn = columnOf(startOffset, startLine);
        int endColumn = columnOf(Math.max(endOffset, startOffset), endLine);
        if (endLine == startLine && endColumn < startColumn) {
            endColumn = startColumn;
        }
        return new Region(startLine, startColumn, endLine, endColumn);
    }

    /** Line text without its terminator; "" past the end. */
    String line(int line) {
        int[] lineStarts = lines();
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = start;
        while (end < length && chars[end] != '\n' && chars[end] != '\r') {
            end++;
        }
        return new String(chars, start, end - start);
    }

    String text(int start, int end) {
        return new String(chars, start, end - start);
    }
}
