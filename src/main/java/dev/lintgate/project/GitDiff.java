package dev.lintgate.project;

import dev.lintgate.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed in a checkout since its merge base with a ref, as git tells it: the files changed (the working tree
 * against the merge base, so uncommitted edits count, and untracked files that are not ignored count as wholly
 * added) and, per file, the lines added or changed. A rename counts as a new file, all its lines added. Paths are
 * relative to the project root; changes outside the project are left out.
 */
public final class GitDiff {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

    /** Lines added or changed per changed file; an empty set for a file only deleted from or removed. */
    private final Map<String, BitSet> lines;
    /** Files added whole (untracked or new since the base). */
    private final Set<String> whole;
    private final String base;

    private GitDiff(Map<String, BitSet> lines, Set<String> whole, String base) {
        this.lines = lines;
        this.whole = whole;
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** Every changed file, deleted ones included. */
    public Set<String> changedFiles() {
        return lines.keySet();
    }

    public boolean changed(String path) {
        return lines.containsKey(path);
    }

    /** True when the line of the file was added or changed since the base. */
    public boolean changedLine(String path, int line) {
        if (whole.contains(path)) return true;
        BitSet set = lines.get(path);
        return set != null && set.get(line);
    }

    /**
     * @param projectRoot the project's root, inside the repository
     * @param ref         what to compare with: its merge base with HEAD
     */
    public static GitDiff since(Repository repository, Path projectRoot, String ref) {
        Path top = repository.topLevel();
        String prefix = repository.relative(projectRoot);
        prefix = prefix.isEmpty() ? "" : prefix + "/";
        String base = git(top, "merge-base", ref, "HEAD").strip();
        Map<String, BitSet> lines = new HashMap<>();
        Set<String> whole = new java.util.HashSet<>();
        for (String name : git(top, "diff", "--no-renames", "--name-only", "-z", base, "--").split("\0")) {
            if (!name.isEmpty() && name.startsWith(prefix)) lines.put(name.substring(prefix.length()), new BitSet());
        }
        String patch = git(top, "-c", "core.quotePath=false", "diff", "--no-renames", "--no-color", "--no-ext-diff",
                "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", base, "--");
        String current = null;
        for (String line : patch.split("\n")) {
            if (line.startsWith("+++ ")) {
                String name = patchPath(line.substring(4));
                current = name.startsWith("b/") && name.substring(2).startsWith(prefix) ? name.substring(2 + prefix.length()) : null;
                continue;
            }
            Matcher m = HUNK.matcher(line);
            if (current != null && m.find()) {
                int start = Integer.parseInt(m.group(1));
                int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                lines.computeIfAbsent(current, k -> new BitSet()).set(start, start + count);
            }
        }
        for (String name : git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")) {
            if (name.isEmpty() || !name.startsWith(prefix)) continue;
            String rel = name.substring(prefix.length());
            lines.put(rel, new BitSet());
            whole.add(rel);
        }
        return new GitDiff(lines, whole, base);
    }

    /**
     * The file name of a patch's {@code +++} line as git writes it: a name holding a space gets a tab after it (the
     * unified diff convention), and a name holding a control character, a double quote or a backslash is written in
     * C quotes with backslash escapes, its bytes in octal where no letter names them ({@code core.quotePath=false}
     * leaves other non-ASCII names as they are).
     */
    static String patchPath(String written) {
        if (!written.startsWith("\"") || written.length() < 2 || !written.endsWith("\"")) {
            return written.endsWith("\t") ? written.substring(0, written.length() - 1) : written;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        String inner = written.substring(1, written.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            int c = inner.codePointAt(i);
            if (c != '\\' || i + 1 == inner.length()) {
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
                continue;
            }
            char e = inner.charAt(++i);
            if (e >= '0' && e <= '7' && i + 2 < inner.length()) {
                bytes.write(Integer.parseInt(inner.substring(i, i + 3), 8));
                i += 2;
                continue;
            }
            bytes.write(switch (e) {
                case 'a' -> 7;
                case 'b' -> 8;
                case 't' -> 9;
                case 'n' -> 10;
                case 'v' -> 11;
                case 'f' -> 12;
                case 'r' -> 13;
                default -> e;   // \\ and \"
            });
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            // the error stream is read beside the output so that neither pipe fills and blocks git
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete("");
                }
            });
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            t.join();
            if (code != 0) {
                String why = Optional.ofNullable(err.getNow("")).map(String::strip).orElse("")
                        .lines().findFirst().orElse("exit " + code);
                throw new ConfigException("--diff-base: git " + String.join(" ", args) + " failed: " + why);
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException("--diff-base: cannot run git (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("--diff-base: interrupted while running git");
        }
    }
}
