package dev.lintgate.cli;

import dev.lintgate.config.ConfigException;
import dev.lintgate.engine.ChangedSince;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.GitDiff;
import dev.lintgate.project.Project;
import dev.lintgate.project.Repository;
import java.util.ArrayList;
import java.util.List;

/** {@code --diff-base REF}: the findings the change since the merge base can have caused, and a note saying so. */
record DiffBaseRun(List<Finding> findings, List<Notification> notifications) {

    static DiffBaseRun of(Project project, String ref, List<Finding> findings, List<Notification> notifications) {
        Repository repository = Repository.containing(project.root())
                .orElseThrow(() -> new ConfigException("--diff-base " + ref + ": " + project.root() + " is not in a git checkout"));
        GitDiff diff = GitDiff.since(repository, project.root(), ref);
        List<Finding> kept = ChangedSince.filter(project, diff, findings);
        List<Notification> notes = new ArrayList<>(notifications);
        int hidden = findings.size() - kept.size();
        notes.add(new Notification(Severity.NOTE, "--diff-base " + ref + ": findings the changes since "
                + diff.base().substring(0, Math.min(12, diff.base().length())) + " (" + dev.lintgate.report.Tally.plural(diff.changedFiles().size(), "file")
                + " changed) can have caused; " + dev.lintgate.report.Tally.plural(hidden, "other finding") + " not shown", null));
        return new DiffBaseRun(kept, notes);
    }
}
