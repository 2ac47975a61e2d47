package dev.lintgate.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions of one file: {@code # noqa}, {@code # noqa: LG101, LG102}, {@code # lintgate: ignore[LG101]}
 * on the flagged line, and {@code # lintgate: noqa} / {@code # lintgate: noqa: LG101} anywhere for the whole file.
 * Other linters' codes in them are kept too, with ruff's and flake8's file-wide forms ({@code # ruff: noqa: F821},
 * {@code # flake8: noqa}), for the rules that are those linters' checks ({@link #suppressesForeign}).
 */
/**
 * Inline suppressions of one file: {@code # noqa}, {@code # noqa: LG101, LG102}, {@code # lintgate: ignore[LG101]}
 * on the flagged line, and {@code # lintgate: noqa} / {@code # lintgate: noqa: LG101} anywhere for the whole file.
 * Other linters' codes in them are kept too, with ruff's and flake8's file-wide forms ({@code # ruff: noqa: F821},
 * {@code # flake8: noqa}), for the rules that are those linters' checks ({@link #suppressesForeign}).
 *
 * <p>In INI files ({@code pytest.ini}, {@code tox.ini}, {@code setup.cfg}) only whole-line comments are comments:
 * pytest's iniconfig keeps a trailing {@code # noqa: LG209} in the value ({@code addopts = --strict-markers  # noqa}
 * passes {@code #} and {@code noqa} to pytest as arguments). There a line suppression is a comment line of its own
 * and applies to the line below it; {@code # lintgate: noqa: LG209} is file-wide, as everywhere.
 *
 * <p>Each suppression is a {@link Directive}: the run learns which ones suppressed something (LG002).
 */
public final class Suppressions {
    /**
     * One suppression comment: where it is written ({@code line}), the line it applies to ({@code appliesTo}, 0 for
     * the whole file) and the codes it names as written, upper-cased ("*" for a bare {@code noqa}), other linters'
     * included.
     */
    public record Directive(int line, int appliesTo, Set<String> codes) {
        public boolean fileWide() {
            return appliesTo == 0;
        }

        boolean covers(String code) {
            return codes.contains("*") || codes.contains(code);
        }
    }

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

    public static final Suppressions NONE = new Suppressions(List.of(), Set.of());

    /** lintgate's own suppressions, in line order. */
    private final List<Directive> directives;
    private final Map<Integer, List<Directive>> byLine = new HashMap<>();
    private final List<Directive> fileWide = new ArrayList<>();
    /** Other linters' codes exempted for the whole file; "*" for all of them. */
    private final Set<String> foreignFileWide;

    private Suppressions(List<Directive> directives, Set<String> foreignFileWide) {
        this.directives = List.copyOf(directives);
        this.foreignFileWide = foreignFileWide;
        for (Directive d : this.directives) {
            if (d.fileWide()) fileWide.add(d);
            else byLine.computeIfAbsent(d.appliesTo(), k -> new ArrayList<>()).add(d);
        }
    }

    /** @param comments comment text per line, without the {@code #} */
    public static Suppressions fromComments(Map<Integer, String> comments) {
        return read(comments, 0);
    }

    /**
     * @param offset how far below its comment a line suppression applies: 0 on its own line, 1 for the line below
     *               (INI files, whose suppressions are whole-line comments)
     */
    private static Suppressions read(Map<Integer, String> comments, int offset) {
        List<Directive> directives = new ArrayList<>();
        Set<String> foreignFileWide = new TreeSet<>();
        for (Map.Entry<Integer, String> e : new TreeMap<>(comments).entrySet()) {
            String comment = e.getValue();
            if (!comment.toLowerCase(Locale.ROOT).contains("noqa") && !comment.toLowerCase(Locale.ROOT).contains("lintgate")) continue;
            int line = e.getKey();
            Matcher file = FILE_NOQA.matcher(comment);
            if (file.find()) {
                directives.add(new Directive(line, 0, file.group("codes") == null ? ALL : codes(file.group("codes"))));
                continue;
            }
            Matcher foreign = FOREIGN_FILE_NOQA.matcher(comment);
            if (foreign.find()) {
                foreignFileWide.addAll(foreign.group("codes") == null ? ALL : codes(foreign.group("codes")));
                continue;
            }
            Matcher ignore = IGNORE.matcher(comment);
            if (ignore.find()) directives.add(new Directive(line, line + offset, codes(ignore.group("codes"))));
            Matcher noqa = NOQA.matcher(comment);
            if (noqa.find()) {
                directives.add(new Directive(line, line + offset, noqa.group("codes") == null ? ALL : codes(noqa.group("codes"))));
            }
        }
        return new Suppressions(directives, foreignFileWide);
    }

    /** Whole-line comments of an INI file ({@code #} or {@code ;} first on the line), each applying to the line below. */
    public static Suppressions fromIni(String text) {
        Map<Integer, String> comments = new HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith("#") || line.startsWith(";")) comments.put(i + 1, line.substring(1));
        }
        return read(comments, 1);
    }

    /** True for the files whose suppressions {@link #fromIni} reads. */
    public static boolean isIni(String path) {
        return path.endsWith(".ini") || path.endsWith(".cfg") || path.endsWith("/.flake8") || path.equals(".flake8");
    }

    public List<Directive> directives() {
        return directives;
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
        return !suppressors(code, line).isEmpty();
    }

    /** The suppressions that silence {@code code} on {@code line}: all of them, so that none is later called unused. */
    public List<Directive> suppressors(String code, int line) {
        List<Directive> out = new ArrayList<>(1);
        for (Directive d : fileWide) if (d.covers(code)) out.add(d);
        for (Directive d : byLine.getOrDefault(line, List.of())) if (d.covers(code)) out.add(d);
        return out;
    }

    /**
     * Whether another linter's check ({@code F821}) is exempted on this line or in the whole file: by its code or a
     * prefix of it ({@code F}, {@code F8}), as flake8 matches them.
     */
    public boolean suppressesForeign(String code, int line) {
        if (prefixMatches(foreignFileWide, code)) return true;
        for (Directive d : byLine.getOrDefault(line, List.of())) if (prefixMatches(d.codes(), code)) return true;
        return false;
    }

    private static boolean prefixMatches(Set<String> codes, String code) {
        if (codes.contains("*")) return true;
        for (String c : codes) {
            if (code.startsWith(c)) return true;
        }
        return false;
    }

    private static Set<String> codes(String list) {
        Set<String> out = new TreeSet<>();
        Arrays.stream(list.split("[\\s,]+")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
