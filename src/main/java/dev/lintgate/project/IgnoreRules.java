package dev.lintgate.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ignore patterns in force for one directory: its ancestors' .gitignore files first, its own last, so that
 * the last matching pattern (the deepest, latest line) decides, as in git.
 */
final class IgnoreRules {
    static final IgnoreRules NONE = new IgnoreRules(null, "", List.of());

    private final IgnoreRules parent;
    private final String base;          // directory of these patterns, relative to the root ("" or "a/b/")
    private final int baseBytes;        // its length in UTF-8
    private final List<IgnorePattern> patterns;

    private IgnoreRules(IgnoreRules parent, String base, List<IgnorePattern> patterns) {
        this.parent = parent;
        this.base = base;
        this.baseBytes = base.getBytes(StandardCharsets.UTF_8).length;
        this.patterns = patterns;
    }

    /** These rules and, after them, the lines of a .gitignore (or the excludes) of the directory {@code base}. */
    IgnoreRules with(String base, List<String> lines) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String line : lines) {
            IgnorePattern p = IgnorePattern.parse(line);
            if (p != null) compiled.add(p);
        }
        return compiled.isEmpty() ? this : new IgnoreRules(this, base, compiled);
    }

    /**
     * These rules and, after them, a .gitignore file's patterns, split as git splits them: at '\n', one '\r' before
     * it dropped, a UTF-8 byte order mark skipped; the bytes are kept as they are, not decoded.
     */
    IgnoreRules withGitignore(String base, byte[] content) {
        List<IgnorePattern> compiled = new ArrayList<>();
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') end++;
            int lineEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
            IgnorePattern p = IgnorePattern.parse(java.util.Arrays.copyOfRange(content, start, lineEnd));
            if (p != null) compiled.add(p);
            start = end + 1;
        }
        return compiled.isEmpty() ? this : new IgnoreRules(this, base, compiled);
    }

    /** Decides for a root-relative path; null when no pattern speaks of it. */
    Boolean ignored(String relativePath, boolean isDirectory) {
        if (this == NONE) return null;
        byte[] path = relativePath.getBytes(StandardCharsets.UTF_8);
        int basename = path.length;
        while (basename > 0 && path[basename - 1] != '/') basename--;
        for (IgnoreRules r = this; r != null; r = r.parent) {
            if (!relativePath.startsWith(r.base)) continue;
            for (int i = r.patterns.size() - 1; i >= 0; i--) {
                IgnorePattern p = r.patterns.get(i);
                if (p.matches(path, r.baseBytes, basename, isDirectory)) return !p.negated();
            }
        }
        return null;
    }

    boolean isIgnored(String relativePath, boolean isDirectory) {
        return Boolean.TRUE.equals(ignored(relativePath, isDirectory));
    }
}
