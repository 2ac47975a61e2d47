package dev.lintgate.rules;

import dev.lintgate.project.ProjectModel;

/** A rule that runs once over the whole project model (all configs, all test files). */
public non-sealed interface ProjectRule extends Rule {
    void check(ProjectModel project, FindingSink sink);

    /**
     * Whether a finding of this rule can land in the file at this path. A run whose reported files
     * ({@link ProjectModel#reportsOn}) hold none the rule can report in does not run it: a pre-commit hook that
     * passes five test modules skips the rules whose findings are always in pytest's config files.
     */
    default boolean reportsIn(String path) {
        return true;
    }
}
