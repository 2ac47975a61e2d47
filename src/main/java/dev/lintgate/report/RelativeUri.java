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

    public static String of(String relativePath) {
        String path = relativePath.replace('\\', '/');
        while (path.startsWith("./")) path = path.substring(2);
        if (path.startsWith("/") || path.isEmpty()) {
            throw new IllegalArgumentException("not a project-relative path: '" + relativePath + "'");
        }
        StringBuilder uri = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isKept(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return uri.toString();
    }

    // pchar minus ':' — a colon in the first segment would make "c:x.py" read as a URI with scheme "c"
    private static boolean isKept(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }
}
