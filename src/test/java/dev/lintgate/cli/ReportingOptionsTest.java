package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --statistics}, {@code --show-settings} and {@code --show-files} on a copy of the incident project. */
class ReportingOptionsTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void copy() throws Exception {
        root = tmp.resolve("incident");
        TestTrees.copyIncident(root);
    }

    @Test
    void statisticsCountTheFindingsOfEachRule() {
        Runs findings = Runs.in(root, "check", "@.", "--format", "concise");
        Map<String, Integer> expected = new TreeMap<>();
        for (String h : findings.heads()) expected.merge(h.substring(h.lastIndexOf(' ') + 1), 1, Integer::sum);
        Runs stats = Runs.in(root, "check", "@.", "--statistics");
        assertEquals(findings.code(), stats.code());
        Map<String, Integer> counted = new TreeMap<>();
        List<String> rows = stats.out().lines().filter(l -> l.contains("\tLG")).toList();
        for (String row : rows) {
            String[] cells = row.strip().split("\t");
            counted.put(cells[1], Integer.parseInt(cells[0].strip()));
        }
        assertEquals(expected, counted);
        assertEquals("12\tLG101\tdeprecated-runtime-import", rows.get(0), "most frequent first, with the rule's name");
        assertTrue(stats.out().endsWith("Found 16 errors, 6 warnings in 16 files (31 files checked).\n"), stats.out());
    }

    @Test
    void showSettingsTellsWhichFileWonAndWhereEachSettingCameFrom() throws Exception {
        // a pyproject.toml with [tool.lintgate] beside lintgate.toml: lintgate.toml is read, the other is not merged
        Files.writeString(root.resolve("pyproject.toml"), Files.readString(root.resolve("pyproject.toml"))
                + "\n[tool.lintgate]\nselect = [\"LG2\"]\n");
        Files.writeString(root.resolve("lintgate.toml"), "ignore = [\"LG214\"]\n" + Files.readString(root.resolve("lintgate.toml")));
        Runs r = Runs.in(root, "check", "@.", "--show-settings");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("  lintgate.toml    used\n"), out);
        assertTrue(out.matches("(?s).*  pyproject.toml   holds settings, NOT used: \\S*lintgate.toml is read instead, and settings files never merge\n.*"), out);
        assertTrue(out.matches("(?s).*  ignore = \\[\"LG214\"]    # \\S*lintgate.toml:1\n.*"), out);
        assertTrue(out.matches("(?s).*  deprecated = \\[\"netra_backend.app.database.session_manager.DatabaseSessionManager\"]    # \\S*lintgate.toml:3\n.*"), out);
        assertTrue(out.contains("  select = []    # default\n"), out);
        assertEquals("", Runs.in(root, "check", "@.", "--show-settings", "--format", "concise").err());
    }

    @Test
    void showFilesListsWhatACheckReadsAndCounts() {
        Runs files = Runs.in(root, "check", "@.", "--show-files");
        assertEquals(0, files.code());
        List<String> listed = files.out().lines().toList();
        assertTrue(listed.contains("pytest.ini") && listed.contains("netra_backend/app/agents/base_agent.py"), listed.toString());
        assertTrue(listed.stream().noneMatch(f -> f.endsWith(".md")), "README.md is not read");
        Runs check = Runs.in(root, "check", "@.");
        assertTrue(check.out().contains("(" + listed.size() + " files checked)"), check.out());
        // a file named stands for itself
        assertEquals(List.of("scripts/migrate_sessions.py"), Runs.in(root, "check", "@scripts/migrate_sessions.py", "--show-files").out().lines().toList());
    }
}
