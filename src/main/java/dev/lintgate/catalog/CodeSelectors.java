package dev.lintgate.catalog;

import java.util.List;

/** Rule selectors as ruff reads them: a code, a prefix of codes, or {@code ALL}; the most specific one wins. */
public final class CodeSelectors {
    private CodeSelectors() {
    }

    /** The length of the longest selector that matches {@code code} ({@code ALL} is 0), or -1 when none does. */
    public static int specificity(List<String> selectors, String code) {
        int best = -1;
        for (String s : selectors) {
            if (s.equals("ALL")) best = Math.max(best, 0);
            else if (code.startsWith(s)) best = Math.max(best, s.length());
        }
        return best;
    }

    /** ruff's precedence: selected by the most specific selector, and an ignore beats a select as specific. */
    public static boolean selected(List<String> select, List<String> ignore, String code) {
        int selected = specificity(select, code);
        return selected >= 0 && selected > specificity(ignore, code);
    }
}
