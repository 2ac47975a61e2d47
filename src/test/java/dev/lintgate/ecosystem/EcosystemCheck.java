package dev.lintgate.ecosystem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ecosystem check, as ruff's ecosystem check and mypy_primer do it: lintgate with its default rules on every
 * tree of the corpus ({@code ../shared/ecosystem}, or {@code $LINTGATE_ECOSYSTEM}), through the launcher as users run
 * it, compared with the triaged snapshots in {@code testdata/ecosystem/}. {@code bench/ecosystem.sh} runs
 * {@link #main}; {@code EcosystemIT} runs {@link #run} in the build, so a change in findings nobody reviewed fails it.
 */
public final class EcosystemCheck {

    /** One tree of the corpus, as MANIFEST.tsv lists it. */
    record Tree(String name, String commit, Path dir) {
    }

    /** What one tree gave: the finding lines, the wall time, and the CPU milliseconds of each rule. */
    record TreeRun(Tree tree, List<String> found, double seconds, Map<String, Double> ruleMillis, Snapshot snapshot) {
        Set<String> added() {
            Set<String> out = new LinkedHashSet<>(found);
            out.removeAll(snapshot.evidence().keySet());
            return out;
        }

        Set<String> removed() {
            Set<String> out = new LinkedHashSet<>(snapshot.evidence().keySet());
            found.forEach(out::remove);
            return out;
        }

        List<String> unproven() {
            return snapshot.unproven().stream().filter(found::contains).toList();
        }

        boolean clean() {
            return added().isEmpty() && removed().isEmpty() && unproven().isEmpty()
                    && tree.commit().equals(snapshot.commit());
        }
    }

    private static final Pattern RULE_TIME = Pattern.compile("^rule (LG\\d{3})(?: \\(after all files\\))?\\s+([0-9.]+)$");

    private final Path projectDir;
    private final Path corpus;

    EcosystemCheck(Path projectDir, Path corpus) {
        this.projectDir = projectDir;
        this.corpus = corpus;
    }

    /** The corpus this project is checked against: $LINTGATE_ECOSYSTEM, else ../shared/ecosystem beside the project. */
    public static Optional<Path> corpus(Path projectDir) {
        String env = System.getenv("LINTGATE_ECOSYSTEM");
        Path p = env != null && !env.isBlank() ? Path.of(env) : projectDir.toAbsolutePath().normalize().resolveSibling("shared").resolve("ecosystem");
        return Files.isRegularFile(p.resolve("MANIFEST.tsv")) ? Optional.of(p) : Optional.empty();
    }

    List<Tree> trees() throws IOException {
        List<Tree> out = new ArrayList<>();
        List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) continue;
            String[] cols = row.split("\t");
            out.add(new Tree(cols[0], cols[2], corpus.resolve(cols[0])));
        }
        return out;
    }

    Path snapshotFile(Tree tree) {
        return projectDir.resolve("testdata/ecosystem").resolve(tree.name() + ".txt");
    }

    /** Runs lintgate on one tree and compares with its snapshot (an empty one when there is none yet). */
    TreeRun run(Tree tree) throws IOException, InterruptedException {
        Path json = Files.createTempFile("lintgate-ecosystem", ".json");
        Path err = Files.createTempFile("lintgate-ecosystem", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(projectDir.resolve("bin/lintgate").toString(), "check",
                    tree.dir().toString(), "--project-root", tree.dir().toString(), "--format", "json",
                    "-o", json.toString(), "--exit-zero", "--no-cache");   // the corpus is read-only data: nothing written there
            pb.environment().put("LINTGATE_TIMING", "1");
            pb.environment().remove("LINTGATE_OUTPUT_FORMAT");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("lintgate did not finish on " + tree.dir() + " in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("lintgate exited " + p.exitValue() + " on " + tree.dir() + ":\n" + stderr);
            }
            Path snap = snapshotFile(tree);
            Snapshot snapshot = Files.exists(snap) ? Snapshot.read(snap) : new Snapshot(null, Map.of());
            return new TreeRun(tree, findings(json), seconds, ruleMillis(stderr), snapshot);
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(err);
        }
    }

    /** The findings of a JSON report as snapshot lines: code, path:line, message. */
    static List<String> findings(Path json) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME || !"findings".equals(p.currentName())) continue;
                p.nextToken();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String code = null, path = null, message = null;
                    int line = 0;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        switch (field) {
                            case "code" -> code = p.getText();
                            case "path" -> path = p.getText();
                            case "line" -> line = p.getIntValue();
                            case "message" -> message = p.getText();
                            default -> p.skipChildren();
                        }
                    }
                    out.add(code + " " + path + ":" + line + " " + message.replace('\n', ' '));
                }
                break;
            }
        }
        return out;
    }

    static Map<String, Double> ruleMillis(String timing) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : timing.split("\n")) {
            Matcher m = RULE_TIME.matcher(line.strip());
            if (m.matches()) out.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return out;
    }

    static String code(String line) {
        return line.substring(0, line.indexOf(' '));
    }

    /** Per tree and rule: findings in the snapshot and now, new and gone ones, the rule's CPU time; then the differences. */
    static void print(List<TreeRun> runs, PrintStream out) {
        for (TreeRun r : runs) {
            if (r.snapshot().commit() != null && !r.snapshot().commit().equals(r.tree().commit())) {
                out.printf("%s: the snapshot is for commit %s, the corpus holds %s%n", r.tree().name(), r.snapshot().commit(), r.tree().commit());
            }
            printSome(out, "+ " + r.tree().name() + ": ", r.added());
            printSome(out, "- " + r.tree().name() + ": ", r.removed());
            printSome(out, "? " + r.tree().name() + ": no evidence: ", r.unproven());
        }
        out.printf("%-11s %-6s %8s %5s %5s %5s %9s%n", "tree", "rule", "snapshot", "now", "new", "gone", "rule ms");
        int total = 0, snapTotal = 0, added = 0, removed = 0, unproven = 0;
        for (TreeRun r : runs) {
            Set<String> codes = new TreeSet<>();
            r.found().forEach(l -> codes.add(code(l)));
            r.snapshot().evidence().keySet().forEach(l -> codes.add(code(l)));
            for (String c : codes) {
                out.printf("%-11s %-6s %8d %5d %5d %5d %9.1f%n", r.tree().name(), c,
                        r.snapshot().lines().stream().filter(l -> code(l).equals(c)).count(),
                        r.found().stream().filter(l -> code(l).equals(c)).count(),
                        r.added().stream().filter(l -> code(l).equals(c)).count(),
                        r.removed().stream().filter(l -> code(l).equals(c)).count(),
                        r.ruleMillis().getOrDefault(c, 0.0));
            }
            out.printf("%-11s %-6s %8d %5d %5d %5d %7.2f s%n", r.tree().name(), "all", r.snapshot().lines().size(),
                    r.found().size(), r.added().size(), r.removed().size(), r.seconds());
            total += r.found().size();
            snapTotal += r.snapshot().lines().size();
            added += r.added().size();
            removed += r.removed().size();
            unproven += r.unproven().size();
        }
        out.printf("%d trees: %d findings (snapshot %d); %d new, %d gone, %d without evidence%n", runs.size(), total,
                snapTotal, added, removed, unproven);
    }

    /** The first lines of a difference: a root cause usually repeats hundreds of times, and the table counts them all. */
    private static void printSome(PrintStream out, String prefix, java.util.Collection<String> lines) {
        int shown = 0;
        for (String l : lines) {
            if (shown++ == DIFF_LINES) {
                out.println(prefix + "... and " + (lines.size() - DIFF_LINES) + " more");
                break;
            }
            out.println(prefix + l);
        }
    }

    private static final int DIFF_LINES = 25;

    void update(TreeRun r) throws IOException {
        Files.createDirectories(snapshotFile(r.tree()).getParent());
        Files.writeString(snapshotFile(r.tree()),
                Snapshot.render(r.tree().name(), r.tree().commit(), r.found(), r.snapshot().evidence()), StandardCharsets.UTF_8);
    }

    /**
     * {@code bench/ecosystem.sh [--update] [TREE...]}: exit 0 when every tree matches its snapshot and every finding
     * has its evidence; {@code --update} rewrites the snapshots, keeping the evidence of the findings that stay.
     */
    public static void main(String[] args) throws Exception {
        boolean update = false;
        Set<String> only = new TreeSet<>();
        for (String a : args) {
            if (a.equals("--update")) update = true;
            else only.add(a);
        }
        Path projectDir = Path.of("").toAbsolutePath();
        Optional<Path> corpus = corpus(projectDir);
        if (corpus.isEmpty()) {
            System.err.println("ecosystem: no corpus (../shared/ecosystem/MANIFEST.tsv, or $LINTGATE_ECOSYSTEM): nothing was checked");
            System.exit(2);
        }
        EcosystemCheck check = new EcosystemCheck(projectDir, corpus.get());
        List<TreeRun> runs = new ArrayList<>();
        for (Tree t : check.trees()) {
            if (!only.isEmpty() && !only.contains(t.name())) continue;
            TreeRun r = check.run(t);
            if (update) {
                check.update(r);
                r = new TreeRun(t, r.found(), r.seconds(), r.ruleMillis(), Snapshot.read(check.snapshotFile(t)));
            }
            runs.add(r);
        }
        System.out.println("ecosystem check: " + corpus.get() + ", " + runs.size() + " trees, default rules");
        print(runs, System.out);
        System.exit(runs.stream().allMatch(TreeRun::clean) ? 0 : 1);
    }
}
