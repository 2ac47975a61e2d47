package dev.lintgate.project;

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
    private final List<IgnorePattern> patterns;

    private IgnoreRules(IgnoreRules parent, String base, List<IgnorePattern> patterns) {
        this.parent = parent;
        this.base = base;
        this.patterns = patterns;
    }

    IgnoreRules with(String base, List<String> lines) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String line : lines) {
            IgnorePattern p = IgnorePattern.parse(line);
            if (p != null) compiled.add(p);
        }
        return compiled.isEmpty() ? this : new IgnoreRules(this, base, compiled);
    }

    /** Decides for a root-relative path; null when no pattern speaks of it. */
    Boolean ignored(String relativePath, boolean isDirectory) {
        if (!relativePath.startsWith(base)) return parent == null ? null : parent.ignored(relativePath, isDirectory);
        String local = relativePath.substring(base.length());
        for (int i = patterns.size() - 1; i >= 0; i--) {
            IgnorePattern p = patterns.get(i);
            if (p.matches(local, isDirectory)) return !p.negated();
        }
        return parent == null ? null : parent.ignored(relativePath, isDirectory);
    }

    boolean isIgnored(String relativePath, boolean isDirectory) {
        return Boolean.TRUE.equals(ignored(relativePath, isDirectory));
    }
}
