package dev.lintgate.fix;

import dev.lintgate.config.IoReason;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Fix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code check --fix} and {@code --diff}: runs the rules, applies the fixes they offer to the files' text in memory,
 * and runs the rules again on the edited text until no fix is left to apply (at most {@link #MAX_PASSES} passes, as
 * ruff stops at 100). Nothing is written here: the caller writes {@link Outcome#after} ({@link FixedFiles}) or shows
 * it as a diff, so a failure in any pass leaves every file as it was.
 */
public final class FixLoop {
    public static final int MAX_PASSES = 100;

    private FixLoop() {
    }

    /**
     * @param before   the original bytes of each file a fix changed
     * @param after    their bytes with the fixes applied
     * @param fixed    how many fixes were applied, by rule code
     * @param result   the last run of the rules, on the fixed text: what remains
     * @param settled  false when fixes were still being applied after {@link #MAX_PASSES} passes
     * @param refused  files that had fixes lintgate would not apply, with why
     * @param together for each file a fix of several files changed, the other files of those fixes: written all
     *                 or none ({@link FixedFiles})
     */
    public record Outcome<R>(Map<String, byte[]> before, Map<String, byte[]> after, Map<String, Integer> fixed,
                             R result, boolean settled, Map<String, String> refused, Map<String, Set<String>> together) {
        public int fixedCount() {
            return fixed.values().stream().mapToInt(Integer::intValue).sum();
        }

        public boolean changed() {
            return !after.isEmpty();
        }
    }

    /**
     * @param root     the project root the fixes' paths are relative to
     * @param check    runs the rules with the given files' text in place of what is on disk
     * @param findings the findings of a run
     * @param unsafe   true to apply unsafe fixes too ({@code --unsafe-fixes})
     */
    public static <R> Outcome<R> run(Path root, Function<Map<String, byte[]>, R> check, Function<R, List<Finding>> findings,
                                     boolean unsafe) {
        Map<String, byte[]> before = new TreeMap<>();
        Map<String, byte[]> after = new TreeMap<>();
        Map<String, Integer> fixed = new TreeMap<>();
        Map<String, String> refused = new TreeMap<>();
        Map<String, Set<String>> together = new TreeMap<>();
        R result = check.apply(after);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<String, List<Fix>> byFile = new LinkedHashMap<>();
            Map<Fix, String> codes = new LinkedHashMap<>();
            List<Fix> multi = new ArrayList<>();
            for (Finding f : findings.apply(result)) {
                if (!f.fixable(unsafe) || f.fix().changes().stream().anyMatch(c -> refused.containsKey(c.path()))) continue;
                if (codes.putIfAbsent(f.fix(), f.code()) != null) {
                    if (f.fix().otherFiles().isEmpty()) byFile.get(f.fix().path()).add(f.fix());
                    continue;
                }
                if (!f.fix().otherFiles().isEmpty()) multi.add(f.fix());
                else byFile.computeIfAbsent(f.fix().path(), k -> new ArrayList<>()).add(f.fix());
            }
            // a fix of several files first, alone in each of its files this pass: the others wait for the next
            Set<String> busy = new HashSet<>();
            boolean any = false;
            for (Fix fix : multi) {
                if (fix.changes().stream().anyMatch(c -> busy.contains(c.path()))) continue;
                Map<String, byte[]> edited = new LinkedHashMap<>();
                Map<String, byte[]> read = new LinkedHashMap<>();
                for (Fix.Change c : fix.changes()) {
                    byte[] current = current(root, c.path(), after, refused);
                    if (current == null) break;
                    Optional<FileFixes.Applied> applied = FileFixes.apply(current, List.of(fix.on(c)));
                    if (applied.isEmpty()) {
                        refused.put(c.path(), "not UTF-8 text");
                        break;
                    }
                    if (applied.get().fixes().isEmpty()) break;
                    read.put(c.path(), current);
                    edited.put(c.path(), applied.get().bytes());
                }
                if (edited.size() != fix.changes().size()) continue;
                read.forEach(before::putIfAbsent);
                after.putAll(edited);
                busy.addAll(edited.keySet());
                for (String p : edited.keySet()) {
                    Set<String> partners = together.computeIfAbsent(p, k -> new TreeSet<>());
                    partners.addAll(edited.keySet());
                    partners.remove(p);
                }
                fixed.merge(codes.get(fix), 1, Integer::sum);
                any = true;
            }
            for (Map.Entry<String, List<Fix>> e : byFile.entrySet()) {
                String path = e.getKey();
                if (busy.contains(path)) continue;
                byte[] current = current(root, path, after, refused);
                if (current == null) continue;
                List<Fix> fixes = new ArrayList<>(e.getValue());
                // the first place a fix edits, so that which of two overlapping fixes wins does not depend on rule order
                fixes.sort(Comparator.comparingInt((Fix x) -> x.edits().get(0).region().startLine())
                        .thenComparingInt(x -> x.edits().get(0).region().startColumn())
                        .thenComparing(x -> codes.get(x)));
                Optional<FileFixes.Applied> applied = FileFixes.apply(current, fixes);
                if (applied.isEmpty()) {
                    refused.put(path, "not UTF-8 text");
                    continue;
                }
                if (applied.get().fixes().isEmpty()) continue;
                before.putIfAbsent(path, current);
                after.put(path, applied.get().bytes());
                for (Fix f : applied.get().fixes()) fixed.merge(codes.get(f), 1, Integer::sum);
                any = true;
            }
            if (!any) return new Outcome<>(before, withoutUnchanged(before, after), fixed, result, true, refused, together);
            result = check.apply(after);
        }
        return new Outcome<>(before, withoutUnchanged(before, after), fixed, result, false, refused, together);
    }

    /** The file's text as the fixes so far left it, or null when it cannot be fixed (told in {@code refused}). */
    private static byte[] current(Path root, String path, Map<String, byte[]> after, Map<String, String> refused) {
        byte[] current = after.get(path);
        if (current != null) return current;
        return readRegular(root, path, refused).orElse(null);
    }

    /** A file whose fixes undid each other over the passes is not written. */
    private static Map<String, byte[]> withoutUnchanged(Map<String, byte[]> before, Map<String, byte[]> after) {
        Map<String, byte[]> out = new TreeMap<>(after);
        out.entrySet().removeIf(e -> java.util.Arrays.equals(e.getValue(), before.get(e.getKey())));
        return out;
    }

    /** Only a regular file is fixed: a symbolic link's target may lie outside the project, a device is no source. */
    private static Optional<byte[]> readRegular(Path root, String path, Map<String, String> refused) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize())) {
            // a pytest config above the project root is the project's parent's business
            refused.put(path, "outside the project root");
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                refused.put(path, Files.isSymbolicLink(file) ? "a symbolic link" : "not a regular file");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            refused.put(path, "cannot read the file: " + IoReason.of(e));
            return Optional.empty();
        }
    }
}
