package dev.lintgate.rules.pytest;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.ConfigKind;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;
import java.util.Optional;

/**
 * LG206: a file pytest reads while looking for its config fails to parse, which stops pytest before it collects
 * anything. pytest parses every candidate it meets, with or without a pytest section, and pytest 9 also parses the
 * losing siblings of the file it picks.
 */
public final class UnparseablePytestConfig implements ProjectRule {

    @Override
    public String code() {
        return "LG206";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        List<ConfigKind> order = ConfigKind.searchOrder(model.version());
        for (PytestConfigFile f : model.candidates()) {
            Optional<ConfigSyntaxException> error = f.syntaxError();
            Optional<ConfigKind> kind = ConfigKind.ofFileName(f.fileName());
            if (error.isEmpty() || kind.isEmpty() || !order.contains(kind.get())) continue;
            if (!model.version().hasNativeToml() && earlierSiblingWins(model, f, kind.get(), order)) continue;
            ConfigSyntaxException e = error.get();
            String reader = f.fileName().endsWith(".toml") ? "TOML syntax" : "iniconfig";
            sink.report(f.at(Region.of(e.line(), e.column(), e.column())),
                    "pytest stops with a usage error when it reads this file (" + reader + ": " + e.getMessage()
                            + "), even when it holds no pytest settings",
                    "Fix the syntax; remember that iniconfig rejects duplicate sections and keys anywhere in the file.",
                    f.path(), List.of(), null);
        }
    }

    /** pytest 8 stops at the first sibling that holds pytest config and never opens the ones after it. */
    private static boolean earlierSiblingWins(PytestConfigModel model, PytestConfigFile f, ConfigKind kind, List<ConfigKind> order) {
        String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/')) : "";
        for (ConfigKind k : order) {
            if (k == kind) return false;
            Optional<PytestConfigFile> s = model.discovery().file(dir.isEmpty() ? k.fileName() : dir + "/" + k.fileName());
            if (s.isPresent() && model.load(s.get()).status() == PytestConfigFile.Status.CONFIG) return true;
        }
        return false;
    }
}
