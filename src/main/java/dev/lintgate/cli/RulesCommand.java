package dev.lintgate.cli;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

public final class RulesCommand implements Callable<Integer> {
    private CommandSpec spec;

    /** picocli's model of this command. */
    CommandSpec commandSpec() {
        spec = CommandSpecs.command(this, "rules", "List every rule: code, name, default severity, whether it runs by default, "
                + "whether check --fix can fix its findings (always, sometimes, -), summary.");
        return CommandSpecs.helpOptions(spec);
    }

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
