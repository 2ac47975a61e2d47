package dev.lintgate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git is the oracle for .gitignore: generated trees of files with awkward names (brackets, stars, backslashes,
 * spaces, a two-byte letter) and generated .gitignore files (bracket expressions with POSIX classes, negation and
 * reversed ranges, malformed ones, {@code **}, escapes, anchors, trailing slashes, nested files) are walked by
 * {@link FileWalker} and listed by {@code git ls-files --others --exclude-standard}; both must list the same files.
 * Seeded: {@code -Dwildmatch.seed=N -Dwildmatch.trials=N} reproduce or widen a run.
 */
class WildmatchOracleTest {
    private static final long SEED = Long.getLong("wildmatch.seed", 20260316L);
    private static final int TRIALS = Integer.getInteger("wildmatch.trials", 300);

    private static final String[] NAME_PARTS = {"a", "b", "A", "1", ".", "-", "[", "]", "!", "^", "*", "?", "\\", " ",
            "é", "x.py", "ab", "Ab1", ":", "#"};
    private static final String[] PATTERN_PARTS = {"a", "b", "A", "1", ".", "-", "*", "**", "?", "/", "[", "]", "!", "^",
            "\\", "\\*", "\\[", "[!]", "[]", "[z-a]", "[a-b]", "[!a]", "[^a]", "[[:alpha:]]", "[[:digit:]]", "[[:upper:]]",
            "[[:punct:]]", "[[:space:]]", "[[:alnum:]]", "[[:lower:]]", "[[:xdigit:]]", "[[:foo:]]", "[[:alpha:]", "[a-]",
            "[]a]", "[\\]]", "[-a]", "**/", "/**", "x.py", "é", "?y", " ", "\\ ", "#"};

    @TempDir
    Path temp;

    @Test
    void walkerListsWhatGitListsOnGeneratedTreesAndPatterns() throws Exception {
        Random random = new Random(SEED);
        // one repository, one tree per trial in a directory of its own: one git run lists them all
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path gitDir = temp.resolve("repo.git");
        git(repo, gitDir, "init", "-q", "--template=");
        List<String> described = new ArrayList<>();
        int paths = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path root = Files.createDirectories(repo.resolve("t" + trial));
            List<String> files = tree(random);
            for (String f : files) {
                Path p = root.resolve(f);
                Files.createDirectories(p.getParent());
                if (!Files.exists(p)) Files.writeString(p, "");
            }
            paths += files.size();
            StringBuilder rootIgnore = new StringBuilder();
            for (int i = random.nextInt(4) + 1; i > 0; i--) rootIgnore.append(pattern(random)).append('\n');
            Files.writeString(root.resolve(".gitignore"), rootIgnore, StandardCharsets.UTF_8);
            String nestedDir = files.get(random.nextInt(files.size()));
            nestedDir = nestedDir.contains("/") ? nestedDir.substring(0, nestedDir.indexOf('/')) : null;
            String nested = "";
            if (nestedDir != null && random.nextBoolean()) {
                nested = pattern(random) + "\n" + pattern(random) + "\n";
                Files.writeString(root.resolve(nestedDir).resolve(".gitignore"), nested, StandardCharsets.UTF_8);
            }
            described.add(".gitignore " + rootIgnore.toString().replace("\n", " | ")
                    + (nested.isEmpty() ? "" : "; " + nestedDir + "/.gitignore " + nested.replace("\n", " | ")));
        }
        List<TreeSet<String>> byGit = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) byGit.add(new TreeSet<>());
        for (String path : git(repo, gitDir, "ls-files", "-z", "--others", "--exclude-standard").split("\0")) {
            if (path.isEmpty()) continue;
            int slash = path.indexOf('/');
            byGit.get(Integer.parseInt(path.substring(1, slash))).add(path.substring(slash + 1));
        }
        for (int trial = 0; trial < TRIALS; trial++) {
            TreeSet<String> byWalker = new TreeSet<>(new FileWalker(repo.resolve("t" + trial), List.of(), false).walk());
            assertEquals(byGit.get(trial), byWalker, "seed " + SEED + ", trial " + trial + ": " + described.get(trial));
        }
        assertTrue(paths > TRIALS * 10, "too few paths compared: " + paths);
    }

    /** A few files up to three directories deep, most names from a small alphabet so that patterns hit them. */
    private static List<String> tree(Random random) {
        List<String> out = new ArrayList<>();
        List<String> dirs = new ArrayList<>(List.of(""));
        for (int i = random.nextInt(20) + 12; i > 0; i--) {
            String dir = dirs.get(random.nextInt(dirs.size()));
            String name = name(random);
            if (random.nextInt(3) == 0 && dir.chars().filter(c -> c == '/').count() < 3) {
                String sub = dir + name + "/";
                if (!out.contains(sub.substring(0, sub.length() - 1))) dirs.add(sub);
                continue;
            }
            String path = dir + name;
            if (dirs.contains(path + "/") || out.contains(path)) continue;
            out.add(path);
        }
        // every directory holds a file, so that the walk and git both see it
        for (String d : dirs) {
            if (!d.isEmpty() && out.stream().noneMatch(f -> f.startsWith(d))) out.add(d + "f");
        }
        out.removeIf(f -> dirs.contains(f + "/"));
        return out;
    }

    private static String name(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(3) + 1; i > 0; i--) b.append(NAME_PARTS[random.nextInt(NAME_PARTS.length)]);
        String name = b.toString();
        // not a name git or the walk treats specially
        if (name.equals(".") || name.equals("..") || name.equals(".git") || name.equals(".gitignore") || name.isBlank()) return "n";
        return name;
    }

    private static String pattern(Random random) {
        StringBuilder b = new StringBuilder();
        int roll = random.nextInt(10);
        if (roll == 0) b.append('!');
        else if (roll == 1) b.append('/');
        for (int i = random.nextInt(4) + 1; i > 0; i--) b.append(PATTERN_PARTS[random.nextInt(PATTERN_PARTS.length)]);
        if (random.nextInt(6) == 0) b.append('/');
        if (random.nextInt(10) == 0) b.append("  ");
        return b.toString();
    }

    private static String git(Path workTree, Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir=" + gitDir, "--work-tree=" + workTree,
                "-c", "core.quotePath=false", "-c", "core.excludesFile=/dev/null"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workTree.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", workTree.toString());
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "git did not finish");
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + text);
        return text;
    }
}
