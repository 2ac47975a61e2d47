package dev.lintgate.cli;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = LintgateCommand.VersionProvider.class,
        description = "List every rule: code, name, default severity, whether it runs by default, whether check --fix "
                + "can fix its findings (always, sometimes, -), summary.")
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (RuleDoc d : RuleCatalog.bundled().all()) {
            out.printf("%s  %-40s %-8s %-4s %-9s %s%n", d.code(), d.name(), d.severity().label(),
                    d.enabledByDefault() ? "on" : "off", d.fixable().any() ? d.fixable().label() : "-", d.summary());
        }
        out.flush();
        return ExitCode.CLEAN;
    }
}
