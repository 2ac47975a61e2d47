package dev.lintgate.ecosystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The triaged findings of one ecosystem tree, {@code testdata/ecosystem/<tree>.txt}: a header of {@code #} lines,
 * then per finding one line ({@code LG216 tests/x.py:21 message}) and under it, indented, its verdict and one line of
 * evidence ({@code     true: pytest --co -q lists 0 tests of tests/x.py}). {@code true} is the only verdict: a finding
 * that cannot be shown true is a defect of lintgate, not a line to keep.
 */
record Snapshot(String commit, Map<String, String> evidence) {

    static final String VERDICT = "true:";

    /** The lines in file order, each with its evidence ("" when it has none). */
    List<String> lines() {
        return List.copyOf(evidence.keySet());
    }

    static Snapshot read(Path file) throws IOException {
        Map<String, String> evidence = new LinkedHashMap<>();
        String commit = null;
        String last = null;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                int at = line.indexOf(" @ ");
                if (commit == null && at > 0) commit = line.substring(at + 3).split("\\s+")[0];
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                String text = line.strip();
                if (last == null || !text.startsWith(VERDICT)) {
                    throw new IOException(file + ":" + n + ": expected an indented `true: evidence` line under a finding");
                }
                if (!evidence.get(last).isEmpty()) throw new IOException(file + ":" + n + ": a second evidence line");
                evidence.put(last, text.substring(VERDICT.length()).strip());
                continue;
            }
            if (evidence.containsKey(line)) throw new IOException(file + ":" + n + ": the same finding twice: " + line);
            evidence.put(line, "");
            last = line;
        }
        return new Snapshot(commit, evidence);
    }

    /** The snapshot for {@code found}: evidence kept for the lines that stay, none for new lines. */
    static String render(String tree, String commit, List<String> found, Map<String, String> evidence) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(tree).append(" @ ").append(commit).append("\n");
        out.append("# lintgate's findings with its default rules (bench/ecosystem.sh). Under each, its verdict and one line\n");
        out.append("# of evidence; a finding that cannot be shown true is a defect to fix, not a line to keep.\n");
        for (String line : found) {
            out.append("\n").append(line).append("\n");
            String e = evidence.getOrDefault(line, "");
            if (!e.isEmpty()) out.append("    ").append(VERDICT).append(" ").append(e).append("\n");
        }
        return out.toString();
    }

    /** Lines without evidence. */
    List<String> unproven() {
        List<String> out = new ArrayList<>();
        evidence.forEach((line, e) -> {
            if (e.isEmpty()) out.add(line);
        });
        return out;
    }
}
