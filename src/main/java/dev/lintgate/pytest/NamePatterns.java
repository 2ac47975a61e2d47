package dev.lintgate.pytest;

import java.util.List;

/**
 * pytest's matching of {@code python_files} (globs on the basename, or on the path when the glob has a slash) and
 * of {@code python_functions}/{@code python_classes} (a prefix, or a glob when it holds glob characters).
 */
public final class NamePatterns {
    private NamePatterns() {
    }

    public static final List<String> DEFAULT_FILES = List.of("test_*.py", "*_test.py");
    public static final List<String> DEFAULT_FUNCTIONS = List.of("test");
    public static final List<String> DEFAULT_CLASSES = List.of("Test");

    /** {@code fnmatch_ex}: the basename unless the pattern names directories. */
    public static boolean fileMatches(String path, List<String> patterns) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        for (String p : patterns) {
            if (PytestConfigModel.fnmatch(p.contains("/") ? path : base, p.contains("/") ? "*" + p : p)) return true;
        }
        return false;
    }

    /** {@code PyCollector._matches_prefix_or_glob_option}. */
    public static boolean nameMatches(String name, List<String> options) {
        for (String o : options) {
            if (name.startsWith(o)) return true;
            if ((o.contains("*") || o.contains("?") || o.contains("[")) && PytestConfigModel.fnmatch(name, o)) return true;
        }
        return false;
    }
}
