package dev.lintgate.rules.imports;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Survey;
import dev.lintgate.rules.FileRule;
import java.util.Optional;
import java.util.Set;

/**
 * A file rule about deprecated names. Only a file that holds a word of some deprecated name can import or name
 * one, and the deprecation index finds those files while the engine reads every file for the other rules.
 */
interface DeprecationRule extends FileRule {

    @Override
    default Set<String> triggers(ProjectModel project) {
        Deprecations deprecations = project.fact(Deprecations.FACT);
        // no deprecated names: no file can hold a finding; a word no source contains says so cheaply
        return deprecations.isEmpty() ? Set.of("\u0000lintgate-nothing-deprecated") : deprecations.words();
    }

    @Override
    default Optional<Survey> survey(ProjectModel project) {
        return Optional.of(project.fact(Deprecations.SURVEY));
    }

    @Override
    default Optional<Set<String>> candidates(ProjectModel project) {
        return Optional.of(project.fact(Deprecations.FACT).candidateFiles());
    }
}
