package dev.lintgate.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level command; the work is in the subcommands. */
public final class LintgateCommand implements Runnable {
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, baseline, rules, explain, pytest-config or server");
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Invocation.ofProcess());
    }

    /** The command line of a run for a caller in {@code invocation} (a resident server's client: {@link Server}). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Invocation invocation) {
        CommandLine cl = new CommandLine(new LintgateCommand().commandSpec());
        CheckCommand check = new CheckCommand();
        check.invocation = invocation;
        cl.addSubcommand(new CommandLine(check.commandSpec()));
        BaselineCommand baseline = new BaselineCommand();
        baseline.invocation = invocation;
        cl.addSubcommand(new CommandLine(baseline.commandSpec()));
        cl.addSubcommand(new CommandLine(new RulesCommand().commandSpec()));
        cl.addSubcommand(new CommandLine(new ExplainCommand().commandSpec()));
        cl.addSubcommand(new CommandLine(new PytestConfigCommand().commandSpec()));
        cl.addSubcommand(new CommandLine(new ServerCommand().commandSpec()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // one object for picocli's three failure hooks: a class, not lambdas, so the class-data archive holds them
        Failures failures = new Failures();
        cl.setExitCodeExceptionMapper(failures);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionExceptionHandler(failures);
        return cl;
    }

    private CommandSpec commandSpec() {
        spec = CommandSpecs.command(this, "lintgate", "Static checks for Python repositories: deprecated runtime imports, "
                + "TYPE_CHECKING misuse, pytest configuration and markers. Runs none of the project's code.");
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put("0", "no finding at or above the fail level");
        exitCodes.put("1", "findings at or above the fail level");
        exitCodes.put("2", "usage, configuration or internal error");
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        return CommandSpecs.helpOptions(spec);
    }

    /**
     * Runs one command line for a caller in {@code invocation}. 0: clean; 1: findings at or above the fail level; 2:
     * usage, configuration or internal error.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Invocation invocation) {
        newRun();
        try {
            return commandLine(out, err, invocation).execute(args);
        } catch (Throwable failure) {
            // picocli hands exceptions to the handler, but an Error (out of memory, a stack overflow) comes through
            return failed(failure, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A new command line runs: no failure has been told yet (in the tests, one JVM runs many). */
    public static void newRun() {
        Failures.newRun();
    }

    /** Exit 2 with the one line {@link Failures} makes of it, for what escapes picocli's handlers. */
    public static int failed(Throwable failure, PrintWriter err) {
        return Failures.report(failure, err);
    }
}
