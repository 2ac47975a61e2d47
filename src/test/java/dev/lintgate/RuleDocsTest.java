package dev.lintgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.catalog.RuleIndexPage;
import dev.lintgate.engine.Engine;
import dev.lintgate.finding.Finding;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The rule pages are the single source of rule metadata: they must be complete, indexed and truthful. */
class RuleDocsTest {
    static final Path RULES = Path.of("rules");
    private static final List<String> SECTIONS =
            List.of("What it checks", "Why it matters", "Example", "Use instead", "Options", "References");
    private static final Pattern BLOCK = Pattern.compile("(?m)^```(\\w+)(?:\\s+title=\"([^\"]+)\")?\\n(.*?)^```\\s*$", Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void everyRuleHasAPageAndEveryPageARule() throws IOException {
        RuleCatalog catalog = RuleCatalog.fromDirectory(RULES);
        Set<String> implemented = new TreeSet<>(AllRules.create().stream().map(Rule::code).toList());
        Set<String> documented = new TreeSet<>(catalog.all().stream().map(RuleDoc::code).toList());
        assertEquals(documented, implemented, "rule pages in rules/ and rules in AllRules differ");
        for (RuleDoc doc : catalog.all()) {
            assertEquals(doc.code() + "-" + doc.name() + ".md", doc.fileName(), "page file name must be CODE-name.md");
            assertTrue(doc.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), doc.code() + ": name must be kebab-case");
            assertFalse(doc.summary().endsWith("."), doc.code() + ": the summary is a phrase without a final period");
            assertTrue(doc.summary().length() <= 120, doc.code() + ": summary over 120 characters");
            List<String> titles = doc.sections().stream().map(RuleDoc.Section::title).toList();
            assertEquals(SECTIONS, titles, doc.code() + ": sections must be exactly " + SECTIONS);
            assertTrue(doc.markdown().startsWith("# " + doc.code() + " " + doc.name() + "\n"), doc.code() + ": page must open with '# CODE name'");
        }
    }

    @Test
    void generatedIndexIsCurrent() throws IOException {
        String expected = RuleIndexPage.render(RuleCatalog.fromDirectory(RULES).all());
        Path index = RULES.resolve("README.md");
        if ("1".equals(System.getenv("LINTGATE_UPDATE_DOCS"))) Files.writeString(index, expected);
        String actual = Files.exists(index) ? Files.readString(index) : "";
        assertEquals(expected, actual, "rules/README.md is stale: run LINTGATE_UPDATE_DOCS=1 mvn -B test -Dtest=RuleDocsTest");
    }

    @Test
    void bundledCatalogMatchesTheRepository() throws IOException {
        assertEquals(RuleCatalog.fromDirectory(RULES).all(), RuleCatalog.bundled().all());
    }

    /** Each page's Example must produce its rule's finding and its Use instead must not. */
    @TestFactory
    Stream<DynamicTest> examplesRun() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleDoc doc : RuleCatalog.fromDirectory(RULES).all()) {
            tests.add(DynamicTest.dynamicTest(doc.code() + " example is flagged", () -> {
                List<Finding> found = runSection(doc, "Example", "example");
                if (found.isEmpty()) fail(doc.code() + ": the Example section produces no " + doc.code() + " finding");
            }));
            tests.add(DynamicTest.dynamicTest(doc.code() + " use-instead is clean", () -> {
                List<Finding> found = runSection(doc, "Use instead", "use-instead");
                if (!found.isEmpty()) fail(doc.code() + ": the Use instead section produces " + found);
            }));
        }
        return tests.stream();
    }

    private List<Finding> runSection(RuleDoc doc, String section, String dirName) throws IOException {
        Map<String, String> files = blocks(doc.section(section));
        if (files.isEmpty()) fail(doc.code() + ": section " + section + " has no code block");
        Path root = temp.resolve(doc.code() + "-" + dirName);
        Files.createDirectories(root);
        if (!files.containsKey("lintgate.toml")) Files.writeString(root.resolve("lintgate.toml"), "");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        Engine.Result result = Lint.run(root, doc.code());
        return result.findings();
    }

    /** Fenced blocks of a section by their {@code title="path"}; untitled blocks default by language. */
    static Map<String, String> blocks(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            String lang = m.group(1);
            String title = m.group(2);
            if (title == null) title = switch (lang) {
                case "python" -> "example.py";
                case "ini" -> "pytest.ini";
                case "toml" -> "pyproject.toml";
                default -> "example." + lang;
            };
            out.put(title, m.group(3));
        }
        return out;
    }
}
