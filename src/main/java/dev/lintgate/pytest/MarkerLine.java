package dev.lintgate.pytest;

import java.util.Optional;

/** One entry of pytest's {@code markers} list ("db(name): doc") and the name pytest derives from it. */
public final class MarkerLine {
    private MarkerLine() {
    }

    /** {@code line.split(":")[0].split("(")[0].strip()}, as {@code MarkGenerator.__getattr__} derives it. */
    public static String name(String line) {
        String head = line.split(":", -1)[0];
        return head.split("\\(", -1)[0].strip();
    }

    /**
     * Why no test can use the marker the entry registers, if so: the derived name is empty, holds whitespace or a
     * comma (several markers in one entry), or is written as code ({@code @slow}, {@code pytest.mark.slow}).
     */
    public static Optional<String> problem(String line) {
        String name = name(line);
        if (name.isEmpty()) return Optional.of("its marker name is empty");
        if (name.contains(",")) return Optional.of("it registers one marker named `" + name + "`, not several: a comma does not separate entries");
        if (name.chars().anyMatch(Character::isWhitespace)) return Optional.of("its marker name `" + name + "` holds whitespace, so no `pytest.mark.` attribute can name it");
        if (name.startsWith("@") || name.startsWith("pytest.mark.")) return Optional.of("it registers `" + name + "`, not the bare marker name");
        return Optional.empty();
    }
}
