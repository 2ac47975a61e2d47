package dev.lintgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * lintgate's own settings, from {@code lintgate.toml}, {@code .lintgate.toml} or {@code [tool.lintgate]} in
 * {@code pyproject.toml}. {@code source} is the file they came from (null when defaults are used).
 * Setting {@code exclude} replaces the default excludes (as in ruff); {@code extend-exclude} adds to them.
 * {@code ruleOptions} holds rule-family options that later rules read by key, each value keeping its position.
 * {@code maxFileSize} is the most bytes one file may have to be read (LG003 reports the files over it).
 */
public record LintgateConfig(Path source, List<String> select, List<String> ignore, List<String> exclude,
                             boolean excludeReplacesDefaults, List<String> extendExclude, String targetVersion, List<String> src,
                             List<DeprecatedTarget> deprecated, Map<String, ConfigValue> ruleOptions, long maxFileSize) {

    public static final String DEFAULT_TARGET_VERSION = "py311";
    /**
     * 50 MiB, pyright's limit and VS Code's: the largest Python file of the standard library with site-packages and
     * of the corpus is half a megabyte, and checking one file costs some 25 bytes of heap per byte.
     */
    public static final long DEFAULT_MAX_FILE_SIZE = 50L << 20;

    public LintgateConfig {
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        exclude = List.copyOf(exclude);
        extendExclude = List.copyOf(extendExclude);
        src = List.copyOf(src);
        deprecated = List.copyOf(deprecated);
        ruleOptions = Map.copyOf(ruleOptions);
    }

    public static LintgateConfig defaults() {
        return new LintgateConfig(null, List.of(), List.of(), List.of(), false, List.of(), DEFAULT_TARGET_VERSION,
                List.of(".", "src"), List.of(), Map.of(), DEFAULT_MAX_FILE_SIZE);
    }

    /** Target version as a minor number: "py311" gives 11. */
    public int targetMinor() {
        return Integer.parseInt(targetVersion.substring(3));
    }
}
