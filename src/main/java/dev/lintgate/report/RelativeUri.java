package dev.lintgate.report;

import java.nio.charset.StandardCharsets;

/**
 * A project-relative path as an RFC 3986 relative reference. GitHub ignores {@code uriBaseId}, so the reference
 * itself must resolve against the repository root.
 */
public final class RelativeUri {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RelativeUri() {
    }

    /**
     * @param relativePath a path relative to the project root with {@code /}; a backslash is part of a name, and
     *                     {@code \xe9} stands for a byte of a name that is not UTF-8 (as lintgate shows such names),
     *                     so the URI holds that byte, as the file system does
     */
    public static String of(String relativePath) {
        String path = relativePath;
        while (path.startsWith("./")) path = path.substring(2);
        if (path.startsWith("/") || path.isEmpty()) {
            throw new IllegalArgumentException("not a project-relative path: '" + relativePath + "'");
        }
        StringBuilder uri = new StringBuilder(path.length() + 16);
        for (byte b : bytes(path)) {
            int c = b & 0xff;
            if (isKept(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return uri.toString();
    }

    /** UTF-8, but {@code \xNN} for a byte of 0x80 or more is that byte. */
    private static byte[] bytes(String path) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(path.length() + 8);
        int start = 0;
        for (int i = 0; i + 3 < path.length(); i++) {
            if (path.charAt(i) == '\\' && path.charAt(i + 1) == 'x' && isHex(path.charAt(i + 2)) && isHex(path.charAt(i + 3))
                    && Character.digit(path.charAt(i + 2), 16) >= 8) {
                out.writeBytes(path.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(Integer.parseInt(path.substring(i + 2, i + 4), 16));
                start = i + 4;
                i += 3;
            }
        }
        out.writeBytes(path.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    // pchar minus ':' — a colon in the first segment would make "c:x.py" read as a URI with scheme "c"
    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }
}
