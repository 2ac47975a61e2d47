package dev.lintgate.commands;

import dev.lintgate.python.CallSites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands of a {@code noxfile.py}: every {@code session.run(...)} and {@code session.run_always(...)} call,
 * wherever it is written (a helper that a session calls runs as much as the session itself). String literals are
 * words, {@code *session.posargs} is what the caller passes (nothing for {@code nox -s NAME}); a command built at run
 * time ({@code session.run(*cmd)}) is not understood. {@code session.chdir("dir")} moves the calls after it in the
 * same function.
 */
public final class NoxFile {
    private NoxFile() {
    }

    private static final Set<String> METHODS = Set.of("run", "run_always", "chdir");

    public static List<CommandLine> commands(String path, byte[] content, List<String> posargs) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        List<CommandLine> out = new ArrayList<>();
        // by enclosing function: a chdir moves the calls after it in source order
        Map<Integer, String> cwdOf = new HashMap<>();
        for (CallSites.Call call : CallSites.of(content).methodCalls(METHODS)) {
            if (call.receiver() == null) continue;
            String source = path + ":" + call.line();
            if (call.method().equals("chdir")) {
                String to = call.arguments().isEmpty() ? null : call.arguments().get(0).literal();
                String current = cwdOf.getOrDefault(call.function(), dir);
                cwdOf.put(call.function(), to == null || current == null ? null : Paths.resolve(current, to));
                continue;
            }
            List<String> words = new ArrayList<>();
            String unknownBecause = null;
            for (CallSites.Argument a : call.arguments()) {
                if (a.keyword() != null || a.star() == 2) continue;
                if (a.star() == 1) {
                    if (a.text().endsWith(".posargs")) {
                        if (posargs != null) words.addAll(posargs);
                    } else {
                        unknownBecause = "the command is built at run time (`*" + a.text() + "`)";
                    }
                    continue;
                }
                words.add(a.literal() != null ? a.literal() : Words.unknown(a.text()));
            }
            String cwd = cwdOf.getOrDefault(call.function(), dir);
            if (unknownBecause != null) {
                out.add(CommandLine.notUnderstood(source, unknownBecause));
            } else if (cwd == null) {
                out.add(CommandLine.notUnderstood(source, "`" + Words.show(words) + "` runs after a chdir lintgate cannot follow"));
            } else {
                out.add(new CommandLine(source, cwd, words, Map.of(), null));
            }
        }
        return out;
    }
}
