package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lintgate.Main;
import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lintgate rules}: one line per rule, with whether {@code check --fix} fixes its findings, as ruff shows. */
class RulesCommandTest {
    @Test
    void eachLineSaysWhetherTheRuleIsFixable() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"rules"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        List<String> lines = out.toString().lines().toList();
        List<RuleDoc> docs = RuleCatalog.bundled().all();
        assertEquals(docs.size(), lines.size());
        for (int i = 0; i < docs.size(); i++) {
            String[] columns = lines.get(i).split("\\s+", 6);
            RuleDoc d = docs.get(i);
            assertEquals(List.of(d.code(), d.name(), d.severity().label(), d.enabledByDefault() ? "on" : "off",
                    d.fixable().any() ? d.fixable().label() : "-", d.summary()), List.of(columns), lines.get(i));
        }
        assertEquals("sometimes", lines.stream().filter(l -> l.startsWith("LG201 ")).findFirst().orElseThrow().split("\\s+")[4]);
        assertEquals("-", lines.stream().filter(l -> l.startsWith("LG202 ")).findFirst().orElseThrow().split("\\s+")[4]);
    }
}
