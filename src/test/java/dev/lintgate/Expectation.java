package dev.lintgate;

import dev.lintgate.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An expected finding written in a fixture file: {@code # expect: LG101} at the end of the flagged line, or on a
 * line of its own for the next line that is not itself an expectation (INI and TOML files use the own-line form).
 * An optional quoted text must occur in the message: {@code # expect: LG210 "golden_path"}.
 */
record Expectation(String path, int line, String code, String messagePart) {
    private static final Pattern EXPECT = Pattern.compile("[#;]\\s*expect:\\s*(LG\\d{3})(?:\\s+\"([^\"]*)\")?");

    static List<Expectation> readAll(Path root) throws IOException {
        List<Expectation> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".snap")) continue;
                out.addAll(read(rel, Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    static List<Expectation> read(String path, List<String> lines) {
        List<Expectation> out = new ArrayList<>();
        List<String[]> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = EXPECT.matcher(line);
            List<String[]> found = new ArrayList<>();
            int firstAt = -1;
            while (m.find()) {
                if (firstAt < 0) firstAt = m.start();
                found.add(new String[] {m.group(1), m.group(2)});
            }
            boolean ownLine = firstAt >= 0 && line.substring(0, firstAt).isBlank();
            if (ownLine) {
                pending.addAll(found);
                continue;
            }
            for (String[] p : pending) out.add(new Expectation(path, i + 1, p[0], p[1]));
            pending.clear();
            for (String[] p : found) out.add(new Expectation(path, i + 1, p[0], p[1]));
        }
        for (String[] p : pending) out.add(new Expectation(path, lines.size(), p[0], p[1]));
        return out;
    }

    /**
     * Matches expectations and findings both ways; returns one line per leftover ("expected but not reported",
     * "reported but not expected"), or "" when they agree.
     */
    static String mismatches(List<Expectation> expected, List<Finding> findings) {
        List<Finding> unmatched = new ArrayList<>(findings);
        StringBuilder sb = new StringBuilder();
        for (Expectation e : expected) {
            boolean hit = false;
            for (java.util.Iterator<Finding> it = unmatched.iterator(); it.hasNext() && !hit; ) {
                if (e.matches(it.next())) {
                    it.remove();
                    hit = true;
                }
            }
            if (!hit) sb.append("  expected but not reported: ").append(e).append('\n');
        }
        for (Finding f : unmatched) {
            sb.append("  reported but not expected: ").append(f.location()).append(": ")
                    .append(f.code()).append(' ').append(f.message()).append('\n');
        }
        return sb.toString();
    }

    boolean matches(Finding f) {
        return f.code().equals(code) && f.location().path().equals(path) && f.location().region().startLine() == line
                && (messagePart == null || f.message().contains(messagePart));
    }

    @Override
    public String toString() {
        return path + ":" + line + ": " + code + (messagePart == null ? "" : " \"" + messagePart + "\"");
    }
}
