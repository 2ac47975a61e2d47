package dev.lintgate.pytest;

import dev.lintgate.commands.Shlex;
import java.util.List;

/** {@code shlex.split} as pytest applies it to {@code addopts} and {@code PYTEST_ADDOPTS}: see {@link Shlex}. */
public final class ShellWords {
    private ShellWords() {
    }

    /** @throws IllegalArgumentException with shlex's own words when a quote is unclosed or the text ends in a backslash */
    public static List<String> split(String s) {
        return Shlex.split(s);
    }
}
