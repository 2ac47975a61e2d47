package dev.lintgate.rules;

import dev.lintgate.project.ProjectModel;

/** A rule that runs once over the whole project model (all configs, all test files). */
public non-sealed interface ProjectRule extends Rule {
    void check(ProjectModel project, FindingSink sink);
}
