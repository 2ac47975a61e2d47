package dev.lintgate.commands;

import java.util.List;
import java.util.Map;

/**
 * One command a repository defines, as it would run: the words after every expansion lintgate could do (some may be
 * {@link Words#unknown}), the directory it runs in (relative to the repository root, "" for the root) and the
 * environment variables set for it that lintgate knows. {@code notUnderstood} is set when the command cannot be known
 * at all (a command list computed in a noxfile, a file lintgate cannot read); the rest is then empty.
 *
 * @param source where it is written: "Makefile:12", ".github/workflows/ci.yml:40"
 */
public record CommandLine(String source, String cwd, List<String> words, Map<String, String> env, String notUnderstood) {

    public CommandLine {
        words = List.copyOf(words);
        env = Map.copyOf(env);
    }

    public static CommandLine notUnderstood(String source, String why) {
        return new CommandLine(source, "", List.of(), Map.of(), why);
    }

    /** The command as written, for messages: "pytest tests -n 4". */
    public String text() {
        return Words.show(words);
    }
}
