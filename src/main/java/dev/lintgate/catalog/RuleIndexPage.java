package dev.lintgate.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** Writes {@code rules/README.md}, the generated index of every rule page. A test fails when the file is stale. */
public final class RuleIndexPage {
    private RuleIndexPage() {
    }

    public static String render(List<RuleDoc> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- Generated from the rule pages by RuleIndexPage; do not edit. ")
                .append("Regenerate: LINTGATE_UPDATE_DOCS=1 mvn -B test -Dtest=RuleDocsTest -->\n");
        sb.append("# Rules\n\n");
        sb.append("Each rule has a code (used in `--select`, `--ignore` and `# noqa:` comments) and a name. ")
                .append("Rules marked *off* run only when selected. *Fix* says whether `check --fix` removes the rule's ")
                .append("findings: *always*, or *sometimes* (the rule page says when; some fixes need `--unsafe-fixes`).\n");
        var byFamily = rules.stream().collect(Collectors.groupingBy(RuleIndexPage::family,
                java.util.TreeMap::new, Collectors.toList()));
        byFamily.forEach((family, docs) -> {
            sb.append("\n## ").append(family).append("\n\n");
            sb.append("| Code | Name | Summary | Severity | Default | Fix |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (RuleDoc d : docs) {
                sb.append("| [").append(d.code()).append("](").append(d.fileName()).append(") | `")
                        .append(d.name()).append("` | ").append(d.summary().replace("|", "\\|")).append(" | ")
                        .append(d.severity().label()).append(" | ").append(d.enabledByDefault() ? "on" : "off")
                        .append(" | ").append(d.fixable().any() ? d.fixable().label() : "").append(" |\n");
            }
        });
        return sb.toString();
    }

    private static String family(RuleDoc d) {
        return switch (d.code().substring(0, 3)) {
            case "LG0" -> "LG0xx: files lintgate could not fully read";
            case "LG1" -> "LG1xx: Python imports and names";
            case "LG2" -> "LG2xx: pytest configuration, markers and collection";
            default -> "Other";
        };
    }
}
