package dev.lintgate;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.engine.Engine;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.nio.file.Path;
import java.util.List;

/** Runs lintgate in-process on a fixture directory, the way the tests need it. */
final class Lint {
    private Lint() {
    }

    /**
     * LG002 judges what the other rules found (a suppression that silenced nothing), so its cases run every rule
     * enabled by default with it, and only its own findings are kept.
     */
    static Engine.Result run(Path root, String onlyCode) {
        Path abs = root.toAbsolutePath();
        Project project = new ProjectLoader(abs, abs).load(List.of("."), null, false);
        RuleCatalog catalog = RuleCatalog.bundled();
        boolean withOthers = "LG002".equals(onlyCode);
        List<Rule> rules = AllRules.create().stream().filter(r -> onlyCode == null || r.code().equals(onlyCode)
                || withOthers && catalog.require(r.code()).enabledByDefault()).toList();
        Engine.Result result = new Engine(catalog, 2).run(project, rules);
        if (!withOthers) return result;
        return new Engine.Result(result.findings().stream().filter(f -> f.code().equals(onlyCode)).toList(),
                result.notifications(), result.filesChecked(), result.complete(), result.scope());
    }
}
