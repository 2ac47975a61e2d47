package dev.lintgate.rules.pytest;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.DefinedRuns;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LG206: a file pytest reads while looking for its config fails to parse, which stops pytest before it collects
 * anything. Only files some run really reads count: the runs the repository defines ({@link DefinedRuns}) and a
 * bare {@code pytest} in each directory that holds tests. pytest parses every candidate it meets on its walk up,
 * with or without a pytest section, and pytest 9 also parses the losing siblings of the file it picks; a file in a
 * directory no run walks through is never read.
 */
public final class UnparseablePytestConfig implements ProjectRule {

    @Override
    public String code() {
        return "LG206";
    }

    /** Every finding is in a pytest config file (a section, a key, a syntax error there). */
    @Override
    public boolean reportsIn(String path) {
        return PytestConfigFile.mayBe(path);
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(model, s));
    }

    private void check(PytestConfigModel model, FindingSink sink) {
        Map<String, String> readBy = new LinkedHashMap<>();
        List<DefinedRuns.Run> runs = new ArrayList<>(model.definedRuns().runs());
        for (String dir : model.testDirs()) {
            if (model.admits(dir)) runs.add(new DefinedRuns.Run("", "pytest", model.runFrom(dir), null));
        }
        for (DefinedRuns.Run r : runs) {
            if (r.run() == null) continue;
            for (PytestConfigFile f : r.run().read()) readBy.putIfAbsent(f.path(), r.describe());
        }
        for (PytestConfigFile f : model.candidates()) {
            Optional<ConfigSyntaxException> error = f.syntaxError();
            String run = readBy.get(f.path());
            if (error.isEmpty() || run == null) continue;
            ConfigSyntaxException e = error.get();
            String reader = f.fileName().endsWith(".toml") ? "TOML syntax" : "iniconfig";
            sink.report(f.at(Region.of(e.line(), e.column(), e.column())),
                    "pytest stops with a usage error when it reads this file (" + reader + ": " + e.getMessage()
                            + "), even when it holds no pytest settings; " + run + " reads it",
                    "Fix the syntax; remember that iniconfig rejects duplicate sections and keys anywhere in the file.",
                    f.path(), List.of(), null);
        }
    }
}
