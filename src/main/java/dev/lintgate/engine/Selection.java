package dev.lintgate.engine;

import dev.lintgate.catalog.CodeSelectors;
import dev.lintgate.catalog.RuleDoc;
import java.util.List;
import java.util.Locale;

/**
 * Which rules run. Codes and prefixes ("LG1", "LG10", "ALL") as in ruff: the most specific matching entry of
 * {@code select} and {@code ignore} decides, and ignore wins a tie. Without any select, the rules enabled by
 * default run; an explicit select can turn on rules that are off by default.
 */
public record Selection(List<String> select, List<String> ignore) {

    public Selection {
        select = normalize(select);
        ignore = normalize(ignore);
    }

    private static List<String> normalize(List<String> codes) {
        return codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).toList();
    }

    public boolean enabled(RuleDoc doc) {
        if (select.isEmpty()) {
            return doc.enabledByDefault() && CodeSelectors.specificity(ignore, doc.code()) < 0;
        }
        return CodeSelectors.selected(select, ignore, doc.code());
    }

    /** True when the text is a code or a prefix of one ("LG1", "LG101", "ALL"); used to reject typos up front. */
    public static boolean isCodeOrPrefix(String text, List<RuleDoc> rules) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        return t.equals("ALL") || rules.stream().anyMatch(d -> d.code().startsWith(t) && t.startsWith("LG"));
    }
}
