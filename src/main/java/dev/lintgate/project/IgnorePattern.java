package dev.lintgate.project;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of a .gitignore file (or an {@code exclude} entry), parsed and matched as git's {@code dir.c} does it: a
 * pattern without a slash (but for a trailing one) matches a name at any depth, one with a slash is anchored to the
 * directory of its file; a trailing slash matches directories only; {@code !} re-includes; the glob itself is
 * {@link Wildmatch}. A line git would treat as a pattern that never matches never matches here either.
 */
final class IgnorePattern {
    /** The pattern without its '!' and trailing '/', backslash escapes kept for wildmatch. */
    private final byte[] pattern;
    private final boolean negated;
    private final boolean directoryOnly;
    /** git's PATTERN_FLAG_NODIR: no slash, so the pattern is matched against the basename. */
    private final boolean basename;
    /** git's nowildcardlen: how many leading bytes hold no glob character and compare literally. */
    private final int literalPrefix;

    private IgnorePattern(byte[] pattern, boolean negated, boolean directoryOnly, boolean basename, int literalPrefix) {
        this.pattern = pattern;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.basename = basename;
        this.literalPrefix = literalPrefix;
    }

    /** Null for blank lines and comments. */
    static IgnorePattern parse(String line) {
        return parse(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for blank lines and comments. {@code line} has no line terminator. */
    static IgnorePattern parse(byte[] line) {
        if (line.length == 0 || line[0] == '#') return null;
        byte[] p = trimTrailingSpaces(line);
        int start = 0;
        boolean negated = p.length > 0 && p[0] == '!';
        if (negated) start = 1;
        int end = p.length;
        boolean directoryOnly = end > start && p[end - 1] == '/';
        if (directoryOnly) end--;
        byte[] pattern = Arrays.copyOfRange(p, start, end);
        boolean basename = true;
        for (byte b : pattern) {
            if (b == '/') {
                basename = false;
                break;
            }
        }
        int prefix = 0;
        while (prefix < pattern.length && !isGlobSpecial(pattern[prefix])) prefix++;
        return new IgnorePattern(pattern, negated, directoryOnly, basename, prefix);
    }

    boolean negated() {
        return negated;
    }

    /**
     * @param path          the path relative to the root, as UTF-8
     * @param localStart    where the part relative to this pattern's directory starts
     * @param basenameStart where its last segment starts
     */
    boolean matches(byte[] path, int localStart, int basenameStart, boolean isDirectory) {
        if (directoryOnly && !isDirectory) return false;
        if (basename) {
            if (literalPrefix == pattern.length) {
                return Arrays.equals(pattern, 0, pattern.length, path, basenameStart, path.length);
            }
            return Wildmatch.matches(pattern, 0, pattern.length, path, basenameStart, path.length, false);
        }
        // git's match_pathname: an anchored pattern, its leading '/' dropped and its literal prefix compared first
        int p = 0;
        int prefix = literalPrefix;
        if (pattern.length > 0 && pattern[0] == '/') {
            p = 1;
            prefix--;
        }
        int name = localStart;
        if (prefix > 0) {
            if (prefix > path.length - name) return false;
            if (!Arrays.equals(pattern, p, p + prefix, path, name, name + prefix)) return false;
            p += prefix;
            name += prefix;
            if (p == pattern.length && name == path.length) return true;
        }
        // what follows the prefix is matched as a pattern of its own: "foo**/bar" then starts with "**/", as in git
        return Wildmatch.matches(pattern, p, pattern.length, path, name, path.length, true);
    }

    private static boolean isGlobSpecial(byte b) {
        return b == '*' || b == '?' || b == '[' || b == '\\';
    }

    /** git's trim_trailing_spaces: trailing spaces go unless the first of them is escaped with a backslash. */
    private static byte[] trimTrailingSpaces(byte[] b) {
        int lastSpace = -1;
        for (int i = 0; i < b.length; i++) {
            switch (b[i]) {
                case ' ' -> {
                    if (lastSpace < 0) lastSpace = i;
                }
                case '\\' -> {
                    i++;
                    if (i == b.length) return b;
                    lastSpace = -1;
                }
                default -> lastSpace = -1;
            }
        }
        return lastSpace < 0 ? b : Arrays.copyOf(b, lastSpace);
    }
}
