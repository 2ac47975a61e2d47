package dev.lintgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.ecosystem.EcosystemCheck;
import dev.lintgate.finding.Finding;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.pytest.ConfigKind;
import dev.lintgate.pytest.SyntheticMonorepo;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a few named files (what pre-commit passes) reports exactly what a run on the whole project reports in
 * those files (and in the files a named config governs): the rules that skip the files the run does not report on
 * must not change a finding in the ones it does. Every rule runs, on the rule fixtures, the example projects, a
 * synthetic monorepo and the ecosystem corpus.
 */
class ScopedRunTest {
    private static final List<Rule> RULES = AllRules.create();

    @Test
    void fixturesAndProjectsReportInNamedFilesWhatAFullRunReportsThere() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> cases = Files.list(Path.of("testdata", "rules"))) {
            for (Path code : cases.sorted().toList()) {
                try (Stream<Path> dirs = Files.list(code)) {
                    dirs.filter(Files::isDirectory).sorted().forEach(roots::add);
                }
            }
        }
        try (Stream<Path> projects = Files.list(Path.of("testdata", "projects"))) {
            projects.filter(Files::isDirectory).sorted().forEach(roots::add);
        }
        int compared = 0;
        for (Path root : roots) compared += compare(root, 3);
        // the fixtures hold findings of every rule: a comparison of empty lists would prove nothing
        assertTrue(compared > 200, "only " + compared + " findings compared");
    }

    @Test
    void syntheticMonorepoReportsInNamedFilesWhatAFullRunReportsThere(@TempDir Path dir) throws IOException {
        SyntheticMonorepo.main(new String[]{dir.resolve("repo").toString(), "400"});
        assertTrue(compare(dir.resolve("repo"), 3) > 50);
    }

    @Test
    void ecosystemTreesReportInNamedFilesWhatAFullRunReportsThere() throws IOException {
        Optional<Path> corpus = EcosystemCheck.corpus(Path.of("").toAbsolutePath());
        if (corpus.isEmpty()) {
            System.err.println("ScopedRunTest: DID NOT RUN on the ecosystem: no corpus at ../shared/ecosystem (or $LINTGATE_ECOSYSTEM)");
        }
        Assumptions.assumeTrue(corpus.isPresent(), "the ecosystem comparison did not run: no corpus at ../shared/ecosystem");
        try (Stream<Path> trees = Files.list(corpus.get())) {
            for (Path tree : trees.filter(Files::isDirectory).sorted().toList()) compare(tree, 2);
        }
    }

    /**
     * Runs every rule on the whole tree, then on named files: five Python files spread over it, twenty test modules,
     * and up to {@code configs} conftests and pytest configs each alone. Returns how many findings were compared.
     */
    private static int compare(Path tree, int configs) {
        Path root = tree.toAbsolutePath().normalize();
        Project whole = load(root, List.of("."));
        List<Finding> all = new Engine(RuleCatalog.bundled(), 2).run(whole, RULES).findings();
        List<String> python = whole.pythonFiles().stream().filter(f -> !name(f).equals("conftest.py")).toList();
        List<String> tests = python.stream().filter(f -> name(f).startsWith("test_") || name(f).endsWith("_test.py")).toList();
        List<List<String>> named = new ArrayList<>();
        named.add(spread(python, 5));
        named.add(spread(tests, 20));
        whole.files().stream().filter(f -> name(f).equals("conftest.py") || ConfigKind.ofFileName(name(f)).isPresent())
                .limit(configs).forEach(f -> named.add(List.of(f)));
        int compared = 0;
        for (List<String> files : named) {
            if (files.isEmpty()) continue;
            Project part = load(root, files);
            List<Finding> found = new Engine(RuleCatalog.bundled(), 2).run(part, RULES).findings();
            Set<String> scope = TargetScope.of(part);
            List<Finding> expected = all.stream().filter(f -> scope.contains(f.location().path())).toList();
            assertEquals(expected, found, root + ": a run on " + files + " differs from the full run's findings there");
            compared += expected.size();
        }
        return compared;
    }

    private static List<String> spread(List<String> files, int count) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i <= count && !files.isEmpty(); i++) out.add(files.get(files.size() * i / (count + 1)));
        return List.copyOf(out);
    }

    private static Project load(Path root, List<String> paths) {
        return new ProjectLoader(root, root).load(paths, null, false);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
