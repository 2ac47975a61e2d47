package dev.lintgate.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions of one file: {@code # noqa}, {@code # noqa: LG101, LG102}, {@code # lintgate: ignore[LG101]}
 * on the flagged line, and {@code # lintgate: noqa} / {@code # lintgate: noqa: LG101} anywhere for the whole file.
 * Other linters' codes in them are kept too, with ruff's and flake8's file-wide forms ({@code # ruff: noqa: F821},
 * {@code # flake8: noqa}), for the rules that are those linters' checks ({@link #suppressesForeign}).
 */
public final class Suppressions {
    private static final Pattern NOQA = Pattern.compile("(?i)\\bnoqa\\b(?::\\s*(?<codes>[A-Z]+[0-9]+(?:[\\s,]+[A-Z]+[0-9]+)*))?");
    private static final Pattern IGNORE = Pattern.compile("(?i)\\blintgate:\\s*ignore\\[(?<codes>[^\\]]*)]");
    private static final Pattern FILE_NOQA = Pattern.compile("(?i)^\\s*lintgate:\\s*noqa\\b(?::\\s*(?<codes>[A-Z0-9,\\s]+))?");
    /**
     * ruff's file-wide exemption, with or without codes; flake8's, which skips the whole file whatever follows it
     * (flake8 7's {@code NOQA_FILE}; ruff reads codes after it, and either linter may be the project's).
     */
    private static final Pattern FOREIGN_FILE_NOQA = Pattern.compile("(?i)^\\s*(?:ruff:\\s*noqa\\b(?::\\s*(?<codes>[A-Z0-9,\\s]+))?|flake8[:=]\\s*noqa)");
    /** Stands for "every code". */
    private static final Set<String> ALL = Set.of("*");

    public static final Suppressions NONE = new Suppressions(Map.of(), Set.of(), Set.of());

    private final Map<Integer, Set<String>> byLine;
    private final Set<String> fileWide;
    /** Other linters' codes exempted for the whole file; "*" for all of them. */
    private final Set<String> foreignFileWide;

    private Suppressions(Map<Integer, Set<String>> byLine, Set<String> fileWide, Set<String> foreignFileWide) {
        this.byLine = byLine;
        this.fileWide = fileWide;
        this.foreignFileWide = foreignFileWide;
    }

    /** @param comments comment text per line, without the {@code #} */
    public static Suppressions fromComments(Map<Integer, String> comments) {
        Map<Integer, Set<String>> byLine = new HashMap<>();
        Set<String> fileWide = new TreeSet<>();
        Set<String> foreignFileWide = new TreeSet<>();
        for (Map.Entry<Integer, String> e : comments.entrySet()) {
            String comment = e.getValue();
            if (!comment.toLowerCase(Locale.ROOT).contains("noqa") && !comment.toLowerCase(Locale.ROOT).contains("lintgate")) continue;
            Matcher file = FILE_NOQA.matcher(comment);
            if (file.find()) {
                fileWide.addAll(file.group("codes") == null ? ALL : codes(file.group("codes")));
                continue;
            }
            Matcher foreign = FOREIGN_FILE_NOQA.matcher(comment);
            if (foreign.find()) {
                foreignFileWide.addAll(foreign.group("codes") == null ? ALL : codes(foreign.group("codes")));
                continue;
            }
            Matcher ignore = IGNORE.matcher(comment);
            if (ignore.find()) {
                byLine.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).addAll(codes(ignore.group("codes")));
            }
            Matcher noqa = NOQA.matcher(comment);
            if (noqa.find()) {
                byLine.computeIfAbsent(e.getKey(), k -> new TreeSet<>())
                        .addAll(noqa.group("codes") == null ? ALL : codes(noqa.group("codes")));
            }
        }
        return new Suppressions(byLine, fileWide, foreignFileWide);
    }

    /**
     * For files lintgate does not tokenize (INI, TOML): a comment is everything after a {@code #} or {@code ;}
     * that starts a line or follows white space.
     */
    public static Suppressions fromText(String text) {
        Map<Integer, String> comments = new HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if ((c == '#' || c == ';') && (j == 0 || Character.isWhitespace(line.charAt(j - 1)))) {
                    comments.put(i + 1, line.substring(j + 1));
                    break;
                }
            }
        }
        return fromComments(comments);
    }

    public boolean suppresses(String code, int line) {
        if (matches(fileWide, code)) return true;
        Set<String> codes = byLine.get(line);
        return codes != null && matches(codes, code);
    }

    /**
     * Whether another linter's check ({@code F821}) is exempted on this line or in the whole file: by its code or a
     * prefix of it ({@code F}, {@code F8}), as flake8 matches them.
     */
    public boolean suppressesForeign(String code, int line) {
        if (prefixMatches(foreignFileWide, code)) return true;
        Set<String> codes = byLine.get(line);
        return codes != null && prefixMatches(codes, code);
    }

    private static boolean prefixMatches(Set<String> codes, String code) {
        if (codes.contains("*")) return true;
        for (String c : codes) {
            if (code.startsWith(c)) return true;
        }
        return false;
    }

    private static boolean matches(Set<String> codes, String code) {
        return codes.contains("*") || codes.contains(code);
    }

    private static Set<String> codes(String list) {
        Set<String> out = new TreeSet<>();
        Arrays.stream(list.split("[\\s,]+")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
