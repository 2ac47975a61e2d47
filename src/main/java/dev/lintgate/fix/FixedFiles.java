package dev.lintgate.fix;

import dev.lintgate.config.IoReason;
import dev.lintgate.project.AtomicReplace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
        return write(root, before, after, Map.of());
    }

    /**
     * Like {@link #write(Path, Map, Map)}; a file listed in {@code together} is written only if each of its partners
     * (the other files of a fix of several files) can be written too, and is put back when a partner's write fails.
     */
    public static List<String> write(Path root, Map<String, byte[]> before, Map<String, byte[]> after,
                                     Map<String, Set<String>> together) {
        List<String> failures = new ArrayList<>();
        Map<String, String> unsafe = new TreeMap<>();
        for (String path : after.keySet()) {
            try {
                String why = unsafeToReplace(root.resolve(path), before.get(path));
                if (why != null) unsafe.put(path, why);
            } catch (IOException ex) {
                unsafe.put(path, "cannot read the file: " + IoReason.of(ex));
            }
        }
        Set<String> written = new HashSet<>();
        // in path order, so that what is reported does not depend on the map's order
        for (Map.Entry<String, byte[]> e : new TreeMap<>(after).entrySet()) {
            String path = e.getKey();
            Set<String> partners = together.getOrDefault(path, Set.of());
            if (unsafe.containsKey(path)) {
                failures.add(path + ": not fixed: " + unsafe.get(path));
                continue;
            }
            Optional<String> blocked = partners.stream().filter(unsafe::containsKey).findFirst();
            if (blocked.isPresent()) {
                failures.add(path + ": not fixed: its fix also changes " + blocked.get() + ", which cannot be written");
                unsafe.put(path, "not written");
                continue;
            }
            try {
                AtomicReplace.replace(root.resolve(path), true, out -> out.write(e.getValue()));
                written.add(path);
            } catch (IOException ex) {
                failures.add(path + ": not fixed: cannot write the file: " + IoReason.of(ex));
                unsafe.put(path, "not written");
                for (String p : partners) {
                    if (!written.remove(p)) continue;
                    try {
                        AtomicReplace.replace(root.resolve(p), true, out -> out.write(before.get(p)));
                        failures.add(p + ": not fixed: put back, since " + path + " could not be written with it");
                    } catch (IOException again) {
                        failures.add(p + ": fixed, but " + path + " could not be written with it: " + IoReason.of(again));
                    }
                }
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
