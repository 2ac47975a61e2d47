package dev.lintgate.cli;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.catalog.RuleDoc;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

public final class ExplainCommand implements Callable<Integer> {
    private CommandSpec spec;
    private String rule;

    /** picocli's model of this command, its parameter bound to this object's field. */
    CommandSpec commandSpec() {
        spec = CommandSpecs.command(this, "explain", "Print a rule's documentation.");
        CommandSpecs.Field<String> ruleField = new CommandSpecs.Field<>(rule, v -> rule = v);
        spec.addPositional(PositionalParamSpec.builder().paramLabel("RULE").type(String.class).required(true).getter(ruleField).setter(ruleField)
                .description("A rule code (LG101) or name (deprecated-runtime-import).").build());
        return CommandSpecs.helpOptions(spec);
    }

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
