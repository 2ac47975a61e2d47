package dev.lintgate.cli;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = LintgateCommand.VersionProvider.class,
        description = "Print a rule's documentation.")
public final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule code (LG101) or name (deprecated-runtime-import).")
    String rule;

    @Override
    public Integer call() {
        Optional<RuleDoc> doc = RuleCatalog.bundled().find(rule);
        if (doc.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown rule '" + rule + "' (see 'lintgate rules')");
        }
        PrintWriter out = spec.commandLine().getOut();
        RuleDoc d = doc.get();
        out.print(d.markdown());
        out.println();
        out.println("Default severity: " + d.severity().label() + (d.enabledByDefault() ? "" : " (off by default; enable with --select " + d.code() + ")"));
        out.println("Documentation: " + d.helpUri());
        out.flush();
        return ExitCode.CLEAN;
    }
}
