package dev.lintgate.catalog;

import dev.lintgate.finding.Severity;
import java.util.List;

/**
 * A rule's metadata and documentation, read from its page {@code rules/LGxxx-name.md}: the TOML front matter gives
 * the fields, the Markdown body is {@code markdown}. {@code sections} keeps the body's {@code ##} sections in order.
 * {@code counterparts} are other linters' codes for the same check (pyflakes' {@code F821} for LG107): where the
 * project turns one off (a {@code # noqa: F821}, a per-file ignore, an exclude), the rule is off too.
 */
public record RuleDoc(String code, String name, String summary, Severity severity, String category, String since,
                      Fixability fixable, boolean enabledByDefault, List<String> tags, List<String> counterparts,
                      String fileName, String markdown, List<Section> sections) {

    public record Section(String title, String markdown) {
    }

    public RuleDoc {
        tags = List.copyOf(tags);
        counterparts = List.copyOf(counterparts);
        sections = List.copyOf(sections);
    }

    /** The body of the {@code ## title} section, or "" when the page has none. */
    public String section(String title) {
        return sections.stream().filter(s -> s.title().equalsIgnoreCase(title)).map(Section::markdown).findFirst().orElse("");
    }

    /** The page's address on the project site, used as SARIF helpUri and in text output. */
    public String helpUri() {
        return "https://github.com/lintgate/lintgate/blob/main/rules/" + fileName;
    }
}
