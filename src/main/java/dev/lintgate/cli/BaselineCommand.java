package dev.lintgate.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lintgate baseline [PATHS]}: a run of {@code check} whose findings are recorded in the baseline file
 * ({@code --baseline FILE}, else the {@code baseline} setting, else {@code lintgate-baseline.json} at the project
 * root) instead of reported. Entries for files or rules the run did not look at are kept.
 */
public final class BaselineCommand extends CheckCommand {
    @Override
    CommandSpec commandSpec() {
        return commandSpec("baseline", "Record the current findings in a baseline file, which 'check --baseline' then does not fail on.");
    }

    @Override
    boolean recordsBaseline() {
        return true;
    }
}
