package dev.lintgate.project;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A walked file's name as lintgate reports it, whatever the locale. Java decodes file names with the locale's charset
 * ({@code sun.jnu.encoding}): under the C or POSIX locale that is ASCII, and {@code café.py} came out as
 * {@code caf??.py}, a name no file has. Here a name that is not ASCII is taken from the bytes the OS gave and decoded
 * as UTF-8; bytes that are not valid UTF-8 ({@code caf\xe9.py} written in Latin-1) are shown as {@code \xe9}, the
 * same in every format. Such a file is then opened through the Path its listing gave, never from its name.
 */
public final class FileNames {
    private FileNames() {
    }

    /** The last name of a path from a directory listing. */
    public static String of(Path listed) {
        String name = listed.getFileName().toString();
        if (isAscii(name)) return name;
        return decode(rawBytes(listed));
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /**
     * The last name's bytes as the OS gave them: a file URI percent-encodes the path's own bytes, not a decoding of
     * them, so it is the one public way to read them back.
     */
    private static byte[] rawBytes(Path listed) {
        String uri = listed.toAbsolutePath().toUri().getRawPath();
        int end = uri.endsWith("/") ? uri.length() - 1 : uri.length();
        int start = uri.lastIndexOf('/', end - 1) + 1;
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                out[n++] = (byte) Integer.parseInt(uri.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** UTF-8, with each byte of a malformed sequence shown as {@code \xNN}. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            CoderResult r = decoder.decode(in, chars, true);
            if (r.isMalformed() || r.isUnmappable()) {
                for (int k = 0; k < r.length(); k++) chars.put(String.format("\\x%02x", in.get() & 0xFF));
                continue;
            }
            decoder.flush(chars);
            break;
        }
        chars.flip();
        return chars.toString();
    }
}
