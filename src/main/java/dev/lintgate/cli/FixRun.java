package dev.lintgate.cli;

import dev.lintgate.engine.Engine;
import dev.lintgate.fix.FixLoop;
import dev.lintgate.fix.FixedFiles;
import dev.lintgate.fix.UnifiedDiff;
import dev.lintgate.project.Project;
import dev.lintgate.report.FixSummary;
import dev.lintgate.rules.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code check --fix} and {@code --diff} on the command line: each pass loads the project afresh with the fixed text
 * in place of the files on disk, and runs the rules on it.
 */
final class FixRun {
    private FixRun() {
    }

    /** One run of the rules: the project it read and what it found. */
    record Pass(Project project, Engine.Result result) {
    }

    static FixLoop.Outcome<Pass> run(Pass first, Supplier<Project> load, Function<Project, List<Rule>> rules,
                                     Engine engine, boolean unsafe) {
        return FixLoop.run(first.project().root(), edited -> {
            if (edited.isEmpty()) return first;
            Project p = load.get();
            edited.forEach(p::replaceContent);
            return new Pass(p, engine.run(p, rules.apply(p)));
        }, pass -> pass.result().findings(), unsafe);
    }

    /** {@code --diff}: the diffs on standard output, the count on standard error; 1 when something would change. */
    static int showDiff(FixLoop.Outcome<Pass> outcome, PrintWriter out, PrintWriter err) {
        for (Map.Entry<String, byte[]> e : outcome.after().entrySet()) {
            out.print(UnifiedDiff.of(e.getKey(), outcome.before().get(e.getKey()), e.getValue()));
        }
        out.flush();
        warnings(outcome, err);
        err.println(FixSummary.fixed(outcome.fixedCount(), outcome.after().size(), true));
        err.flush();
        return outcome.changed() ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /**
     * {@code --fix}: writes the fixed files and returns the lines the text report ends with; a file that could not
     * be written is told on standard error and makes {@code failed} true.
     */
    /** What {@code --fix} wrote: the summary lines for the report, and whether some file could not be written. */
    record Written(List<String> summary, boolean failed) {
        static final Written NOTHING = new Written(List.of(), false);
    }

    static Written write(FixLoop.Outcome<Pass> outcome, PrintWriter err) {
        List<String> failures = FixedFiles.write(outcome.result().project().root(), outcome.before(), outcome.after(),
                outcome.together());
        for (String f : failures) err.println("lintgate: error: " + f);
        warnings(outcome, err);
        err.flush();
        List<String> lines = new ArrayList<>();
        if (outcome.fixedCount() == 0) return new Written(lines, !failures.isEmpty());
        lines.add(failures.isEmpty() ? FixSummary.fixed(outcome.fixedCount(), outcome.after().size(), false)
                : "Fixes were written to " + (outcome.after().size() - failures.size()) + " of "
                        + outcome.after().size() + " files; the others are unchanged (see above).");
        return new Written(lines, !failures.isEmpty());
    }

    private static void warnings(FixLoop.Outcome<Pass> outcome, PrintWriter err) {
        outcome.refused().forEach((path, why) -> err.println("lintgate: warning: " + path + ": not fixed: " + why));
        if (!outcome.settled()) {
            err.println("lintgate: warning: fixes were still being applied after " + FixLoop.MAX_PASSES
                    + " passes; the last pass's findings are reported");
        }
    }
}
