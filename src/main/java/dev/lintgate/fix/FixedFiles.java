package dev.lintgate.fix;

import dev.lintgate.config.IoReason;
import dev.lintgate.project.AtomicReplace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes fixed files, each whole or not at all ({@link AtomicReplace}: mode kept, the old bytes stand on failure).
 * A file is written only while it is still what the fixes were computed from: one that changed since it was read,
 * became a link, or gained a second name (a hard link, whose other name would keep the old text) is left alone.
 */
public final class FixedFiles {
    private FixedFiles() {
    }

    /** Writes each file of {@code after}; returns one line per file that could not be written, naming it and why. */
    public static List<String> write(Path root, Map<String, byte[]> before, Map<String, byte[]> after) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : after.entrySet()) {
            Path file = root.resolve(e.getKey());
            try {
                String why = unsafeToReplace(file, before.get(e.getKey()));
                if (why != null) {
                    failures.add(e.getKey() + ": not fixed: " + why);
                    continue;
                }
                byte[] bytes = e.getValue();
                AtomicReplace.replace(file, true, out -> out.write(bytes));
            } catch (IOException ex) {
                failures.add(e.getKey() + ": not fixed: cannot write the file: " + IoReason.of(ex));
            }
        }
        return failures;
    }

    private static String unsafeToReplace(Path file, byte[] expected) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return "it is no longer a regular file";
        try {
            Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links instanceof Integer n && n > 1) return "it has " + n + " hard links, which replacing it would split";
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: no hard links to count
        }
        if (!Arrays.equals(Files.readAllBytes(file), expected)) return "it changed while lintgate was fixing it";
        return null;
    }
}
