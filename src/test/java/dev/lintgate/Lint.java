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

    static Engine.Result run(Path root, String onlyCode) {
        Path abs = root.toAbsolutePath();
        Project project = new ProjectLoader(abs, abs).load(List.of("."), null, false);
        List<Rule> rules = AllRules.create().stream().filter(r -> onlyCode == null || r.code().equals(onlyCode)).toList();
        return new Engine(RuleCatalog.bundled(), 2).run(project, rules);
    }
}
