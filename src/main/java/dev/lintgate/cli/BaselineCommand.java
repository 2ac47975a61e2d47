package dev.lintgate.cli;

import picocli.CommandLine.Command;

/**
 * {@code lintgate baseline [PATHS]}: a run of {@code check} whose findings are recorded in the baseline file
 * ({@code --baseline FILE}, else the {@code baseline} setting, else {@code lintgate-baseline.json} at the project
 * root) instead of reported. Entries for files or rules the run did not look at are kept.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = LintgateCommand.VersionProvider.class,
        description = "Record the current findings in a baseline file, which 'check --baseline' then does not fail on.",
        sortOptions = false)
public final class BaselineCommand extends CheckCommand {
    @Override
    boolean recordsBaseline() {
        return true;
    }
}
