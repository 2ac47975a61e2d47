package dev.lintgate.engine;

import dev.lintgate.catalog.CodeSelectors;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.config.ConfigException;
import dev.lintgate.config.ConfigValue;
import dev.lintgate.config.LintgateConfig;
import dev.lintgate.project.LinterIgnores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings' {@code per-file-ignores} and {@code extend-per-file-ignores}, in ruff's shape: a glob mapped to rule
 * codes or prefixes ({@code "tests/**" = ["LG101"]}, {@code "conftest.py" = ["LG2"]}). A glob is matched as ruff
 * matches it (the same matcher lintgate uses to read ruff's own per-file ignores): against the path relative to the
 * settings file's directory, and against the file name alone, so a pattern without a {@code /} matches that name in
 * any directory; {@code *} crosses {@code /}; {@code {a,b}} alternatives; a pattern starting with {@code !} applies
 * to the files it does not match. lintgate's settings never inherit, so the two keys simply add up.
 */
final class PerFileIgnores {
    static final PerFileIgnores NONE = new PerFileIgnores("", List.of());

    private record Entry(Pattern glob, boolean negated, List<String> codes) {
    }

    /** The settings file's directory relative to the project root, "" for the root. */
    private final String base;
    private final List<Entry> entries;

    private PerFileIgnores(String base, List<Entry> entries) {
        this.base = base;
        this.entries = entries;
    }

    /**
     * @param settingsFile the settings file relative to the project root, null when there is none inside it
     * @param rules        every rule, to refuse a code that names none (a typo would silently keep a check on)
     */
    static PerFileIgnores of(LintgateConfig config, String settingsFile, List<RuleDoc> rules) {
        List<Entry> entries = new ArrayList<>();
        for (String key : List.of("per-file-ignores", "extend-per-file-ignores")) {
            ConfigValue value = config.ruleOptions().get(key);
            if (value == null) continue;
            String where = value.location().path() + ":" + value.location().region().startLine();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value.value()).entrySet()) {
                String pattern = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    throw new ConfigException(where, "'" + key + "' maps each glob to an array of rule codes or prefixes: \""
                            + pattern + "\" = [\"LG101\"]");
                }
                List<String> codes = new ArrayList<>();
                for (Object o : list) {
                    String code = ((String) o).strip().toUpperCase(Locale.ROOT);
                    if (!Selection.isCodeOrPrefix(code, rules)) {
                        throw new ConfigException(where, "unknown rule code or prefix '" + o + "' for \"" + pattern + "\" in '"
                                + key + "' (see 'lintgate rules')");
                    }
                    codes.add(code);
                }
                boolean negated = pattern.startsWith("!");
                String glob = negated ? pattern.substring(1) : pattern;
                while (glob.startsWith("./")) glob = glob.substring(2);
                entries.add(new Entry(LinterIgnores.glob(glob, true), negated, List.copyOf(codes)));
            }
        }
        if (entries.isEmpty()) return NONE;
        String base = settingsFile == null || !settingsFile.contains("/") ? "" : settingsFile.substring(0, settingsFile.lastIndexOf('/'));
        return new PerFileIgnores(base, List.copyOf(entries));
    }

    /** Whether the rule {@code code} is off for the file at {@code path} (relative to the project root). */
    boolean ignores(String path, String code) {
        if (entries.isEmpty()) return false;
        if (!base.isEmpty() && !path.startsWith(base + "/")) return false;
        String rel = base.isEmpty() ? path : path.substring(base.length() + 1);
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        for (Entry e : entries) {
            boolean matches = e.glob.matcher(rel).matches() || e.glob.matcher(name).matches();
            if (matches != e.negated && CodeSelectors.specificity(e.codes, code) >= 0) return true;
        }
        return false;
    }
}
