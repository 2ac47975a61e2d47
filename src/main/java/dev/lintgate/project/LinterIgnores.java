package dev.lintgate.project;

import dev.lintgate.catalog.CodeSelectors;
import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.IniDocument;
import dev.lintgate.config.TomlDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the project tells its own linters (ruff, flake8) and its type checker ty to skip: the files they exclude, and
 * the codes they ignore per file. A lintgate rule that is one of their checks (its page's {@code counterparts}: pyflakes' {@code F821} for
 * LG107) is off where the project turned that check off. The maintainers decided there: fastapi ignores F821 for the
 * {@code docs_src} snippets that are partial on purpose, pydantic excludes its mypy test inputs from ruff.
 *
 * <p>Read as the linters read it: ruff from the nearest {@code .ruff.toml}, {@code ruff.toml} or pyproject.toml with
 * {@code [tool.ruff]} above the file (its {@code extend} is not followed), its patterns globs relative to that
 * directory or matched against a file name, {@code *} crossing {@code /}; flake8 from the root's {@code setup.cfg},
 * {@code tox.ini} or {@code .flake8} with a {@code [flake8]} section, else {@code [tool.flake8]} of pyproject.toml,
 * its patterns fnmatch patterns. An exclude counts only when the linter checks the code at all (its
 * {@code select}/{@code ignore}); a per-file ignore of the code says it is meant whatever is selected. ty's rules
 * (lowercase names, {@code unresolved-import}) from {@code ty.toml} or {@code [tool.ty]} at the root: a file under
 * {@code src.exclude} (gitignore patterns) is not checked at all, and an {@code overrides} entry whose
 * {@code include} holds the file may set a rule to {@code "ignore"} (fastapi excludes the docs snippets that import
 * an API removed since).
 */
public final class LinterIgnores {
    public static final ProjectModel.Fact<LinterIgnores> FACT = new ProjectModel.Fact<>("linter ignores", LinterIgnores::read);

    /** ruff's default selection. */
    private static final List<String> RUFF_DEFAULT_SELECT = List.of("E4", "E7", "E9", "F");

    /** One linter's settings for the files below {@code dir} ("" for the root). */
    private record Settings(String dir, List<Pattern[]> excludes, List<PerFile> perFile, List<String> select,
                            List<String> ignore) {
    }

    /** A per-file ignore: the pattern's matchers (path, file name) and the code prefixes; negated ones apply to the rest. */
    private record PerFile(Pattern path, Pattern name, boolean negated, List<String> codes) {
    }

    private final List<Settings> ruff;
    private final Settings flake8;
    private final Ty ty;

    /** ty's settings: files it does not check, and per-file rule levels. */
    private record Ty(IgnoreRules exclude, List<TyOverride> overrides) {
    }

    private record TyOverride(IgnoreRules include, IgnoreRules exclude, List<String> ignored) {
    }

    private LinterIgnores(List<Settings> ruff, Settings flake8, Ty ty) {
        this.ruff = ruff;
        this.flake8 = flake8;
        this.ty = ty;
    }

    /**
     * Whether the project's settings turn {@code code} off for the file: a ruff or flake8 code ("F821"), or a ty
     * rule ("unresolved-import").
     */
    public boolean ignores(String path, String code) {
        if (!code.isEmpty() && Character.isLowerCase(code.charAt(0))) return ty != null && tyIgnores(path, code);
        Settings r = nearestRuff(path);
        return r != null && turnsOff(r, path, code) || flake8 != null && turnsOff(flake8, path, code);
    }

    private boolean tyIgnores(String path, String rule) {
        if (matchesGitignore(ty.exclude, path)) return true;
        for (TyOverride o : ty.overrides) {
            if (o.ignored.contains(rule) && matchesGitignore(o.include, path) && !matchesGitignore(o.exclude, path)) return true;
        }
        return false;
    }

    /** gitignore semantics over the file and its directories: a directory excluded excludes everything below it. */
    private static boolean matchesGitignore(IgnoreRules rules, String path) {
        for (int slash = path.indexOf('/'); ; slash = path.indexOf('/', slash + 1)) {
            boolean directory = slash >= 0;
            Boolean decided = rules.ignored(directory ? path.substring(0, slash) : path, directory);
            // git cannot re-include below an excluded directory either
            if (Boolean.TRUE.equals(decided) && directory) return true;
            if (!directory) return Boolean.TRUE.equals(decided);
        }
    }

    private static boolean turnsOff(Settings s, String path, String code) {
        String rel = s.dir.isEmpty() ? path : path.substring(s.dir.length() + 1);
        for (PerFile p : s.perFile) {
            boolean matches = matches(p.path, p.name, rel);
            if (matches != p.negated && CodeSelectors.specificity(p.codes, code) >= 0) return true;
        }
        if (!selected(s, code)) return false;
        // an excluded directory excludes everything below it
        for (int slash = rel.length(); slash > 0; slash = rel.lastIndexOf('/', slash - 1)) {
            String part = rel.substring(0, slash);
            for (Pattern[] e : s.excludes) {
                if (matches(e[0], e[1], part)) return true;
            }
        }
        return false;
    }

    private static boolean matches(Pattern path, Pattern name, String rel) {
        return path.matcher(rel).matches() || name.matcher(rel.substring(rel.lastIndexOf('/') + 1)).matches();
    }

    private static boolean selected(Settings s, String code) {
        return CodeSelectors.selected(s.select, s.ignore, code);
    }

    private Settings nearestRuff(String path) {
        Settings best = null;
        for (Settings s : ruff) {
            if ((s.dir.isEmpty() || path.startsWith(s.dir + "/")) && (best == null || s.dir.length() > best.dir.length())) best = s;
        }
        return best;
    }

    // ---- reading ----

    /**
     * The configuration files read, each read and parsed at most once: a TOML parse costs tens of milliseconds, so a
     * file whose text cannot hold what is sought is not parsed at all.
     */
    private static final class Sources {
        private final ProjectModel project;
        private final java.util.Set<String> files;
        private final Map<String, Optional<TomlDocument>> docs = new java.util.HashMap<>();
        private final Map<String, String> texts = new java.util.HashMap<>();

        /** The configuration files by name, in path order; one pass over the walked files. */
        private final Map<String, List<String>> byName = new java.util.HashMap<>();

        Sources(ProjectModel project) {
            this.project = project;
            this.files = new java.util.HashSet<>();
            for (String f : project.files()) {
                String name = f.substring(f.lastIndexOf('/') + 1);
                if (CONFIG_NAMES.contains(name)) {
                    files.add(f);
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
                }
            }
        }

        /** Every walked file of that name, in path order. */
        List<String> named(String name) {
            return byName.getOrDefault(name, List.of());
        }

        boolean has(String path) {
            return files.contains(path);
        }

        String text(String path) {
            return texts.computeIfAbsent(path, p -> LinterIgnores.text(project, p));
        }

        /** The parsed file when its text holds one of {@code words}; empty otherwise or when it does not parse. */
        Optional<TomlDocument> toml(String path, String text, List<String> words) {
            if (words.stream().noneMatch(text::contains)) return Optional.empty();
            return docs.computeIfAbsent(path, p -> {
                try {
                    return Optional.of(TomlDocument.parse(text));
                } catch (ConfigSyntaxException e) {
                    return Optional.empty();
                }
            });
        }
    }

    private static final java.util.Set<String> CONFIG_NAMES = java.util.Set.of(".ruff.toml", "ruff.toml",
            "pyproject.toml", "setup.cfg", "tox.ini", ".flake8", "ty.toml");

    /** Settings that can turn a check off for a file hold one of these words. */
    private static final List<String> IGNORING_KEYS = List.of("exclude", "per-file-ignores");

    private static LinterIgnores read(ProjectModel project) {
        Sources sources = new Sources(project);
        List<Settings> ruff = new ArrayList<>();
        List<String> ruffDirs = new ArrayList<>();
        for (String name : List.of(".ruff.toml", "ruff.toml", "pyproject.toml")) {
            for (String f : sources.named(name)) {
                String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
                // in one directory .ruff.toml wins over ruff.toml, which wins over pyproject.toml
                if (ruffDirs.contains(dir)) continue;
                boolean pyproject = name.equals("pyproject.toml");
                String text = sources.text(f);
                if (pyproject && !text.contains("tool.ruff")) continue;
                if (IGNORING_KEYS.stream().noneMatch(text::contains)) {
                    // a ruff configuration that ignores nothing still hides the ones above it from the files below
                    ruffDirs.add(dir);
                    ruff.add(new Settings(dir, List.of(), List.of(), List.of(), List.of()));
                    continue;
                }
                Optional<TomlDocument.Table> table = sources.toml(f, text, IGNORING_KEYS)
                        .flatMap(doc -> pyproject ? doc.table("tool", "ruff") : Optional.of(doc.root()));
                if (table.isEmpty()) continue;
                ruffDirs.add(dir);
                ruff.add(ruffSettings(dir, table.get()));
            }
        }
        return new LinterIgnores(List.copyOf(ruff), flake8(sources), ty(sources));
    }

    private static Ty ty(Sources sources) {
        Optional<TomlDocument.Table> table = Optional.empty();
        List<String> keys = List.of("exclude", "overrides");
        if (sources.has("ty.toml")) {
            table = sources.toml("ty.toml", sources.text("ty.toml"), keys).map(TomlDocument::root);
        } else if (sources.has("pyproject.toml")) {
            String text = sources.text("pyproject.toml");
            if (text.contains("tool.ty")) table = sources.toml("pyproject.toml", text, keys).flatMap(d -> d.table("tool", "ty"));
        }
        if (table.isEmpty()) return null;
        TomlDocument.Table t = table.get();
        IgnoreRules exclude = gitignore(t.table("src").flatMap(src -> src.get("exclude")), false);
        List<TyOverride> overrides = new ArrayList<>();
        t.get("overrides").map(TomlDocument.Node::value).filter(List.class::isInstance).ifPresent(list -> {
            for (Object o : (List<?>) list) {
                if (!(o instanceof TomlDocument.Node n) || n.asTable().isEmpty()) continue;
                TomlDocument.Table entry = n.asTable().get();
                List<String> ignored = new ArrayList<>();
                entry.table("rules").ifPresent(rules -> rules.entries().forEach((rule, level) -> {
                    if ("ignore".equals(level.value())) ignored.add(rule);
                }));
                if (!ignored.isEmpty()) {
                    overrides.add(new TyOverride(gitignore(entry.get("include"), true), gitignore(entry.get("exclude"), true), ignored));
                }
            }
        });
        return new Ty(exclude, overrides);
    }

    /**
     * ty's patterns: gitignore syntax, where {@code ./src} is anchored at the project root; {@code anchored} for the
     * override patterns, which ty anchors at the root whatever their form ({@code src} is only {@code ./src}).
     */
    private static IgnoreRules gitignore(Optional<TomlDocument.Node> node, boolean anchored) {
        List<String> lines = new ArrayList<>();
        for (String line : strings(node)) {
            boolean negated = line.startsWith("!");
            String p = negated ? line.substring(1) : line;
            if (p.startsWith("./")) p = "/" + p.substring(2);
            else if (anchored && !p.startsWith("/") && !p.startsWith("**")) p = "/" + p;
            lines.add(negated ? "!" + p : p);
        }
        return IgnoreRules.NONE.with("", lines);
    }

    private static Settings ruffSettings(String dir, TomlDocument.Table t) {
        TomlDocument.Table lint = t.table("lint").orElse(null);
        List<Pattern[]> excludes = new ArrayList<>();
        for (String key : List.of("exclude", "extend-exclude")) {
            for (String p : strings(t.get(key))) excludes.add(new Pattern[] {glob(p, true), glob(p, true)});
        }
        List<PerFile> perFile = new ArrayList<>();
        for (TomlDocument.Table scope : lint == null ? List.of(t) : List.of(t, lint)) {
            for (String key : List.of("per-file-ignores", "extend-per-file-ignores")) {
                scope.table(key).ifPresent(table -> table.entries().forEach((pattern, codes) ->
                        perFile.add(perFile(pattern, strings(Optional.of(codes)), true))));
            }
        }
        List<String> select = new ArrayList<>(firstOf(lint, t, "select").orElse(RUFF_DEFAULT_SELECT));
        select.addAll(all(lint, t, "extend-select"));
        List<String> ignore = new ArrayList<>(all(lint, t, "ignore"));
        ignore.addAll(all(lint, t, "extend-ignore"));
        return new Settings(dir, excludes, perFile, select, ignore);
    }

    private static Optional<List<String>> firstOf(TomlDocument.Table lint, TomlDocument.Table top, String key) {
        if (lint != null && lint.get(key).isPresent()) return Optional.of(strings(lint.get(key)));
        return top.get(key).map(n -> strings(Optional.of(n)));
    }

    private static List<String> all(TomlDocument.Table lint, TomlDocument.Table top, String key) {
        List<String> out = new ArrayList<>(strings(top.get(key)));
        if (lint != null) out.addAll(strings(lint.get(key)));
        return out;
    }

    /**
     * flake8 reads the first of setup.cfg, tox.ini and .flake8 in the directory it runs in (the root) that has a
     * [flake8] section; flake8-pyproject adds [tool.flake8] of pyproject.toml.
     */
    private static Settings flake8(Sources sources) {
        for (String name : List.of("setup.cfg", "tox.ini", ".flake8")) {
            if (!sources.has(name)) continue;
            String text = sources.text(name);
            if (!text.contains("flake8")) continue;
            try {
                Optional<IniDocument.Section> section = IniDocument.parse(text).section("flake8");
                if (section.isPresent()) {
                    Map<String, IniDocument.Entry> e = section.get().entries();
                    return flake8Settings(key -> e.containsKey(key) ? e.get(key).value() : null);
                }
            } catch (ConfigSyntaxException ignored) {
                // flake8 would stop on it too; nothing it says can be known
            }
        }
        if (sources.has("pyproject.toml")) {
            String text = sources.text("pyproject.toml");
            Optional<TomlDocument.Table> t = text.contains("tool.flake8")
                    ? sources.toml("pyproject.toml", text, IGNORING_KEYS).flatMap(doc -> doc.table("tool", "flake8"))
                    : Optional.empty();
            if (t.isPresent()) {
                TomlDocument.Table table = t.get();
                return flake8Settings(key -> table.get(key).map(n -> n.value() instanceof List<?> l
                        ? String.join("\n", strings(Optional.of(n))) : String.valueOf(n.value())).orElse(null));
            }
        }
        return null;
    }

    private static Settings flake8Settings(java.util.function.Function<String, String> value) {
        List<Pattern[]> excludes = new ArrayList<>();
        for (String key : List.of("exclude", "extend-exclude")) {
            for (String p : commaList(value.apply(key))) {
                Pattern pattern = glob(normalizeFlake8(p), false);
                excludes.add(new Pattern[] {pattern, pattern});
            }
        }
        List<PerFile> perFile = new ArrayList<>();
        for (String[] pair : filesToCodes(value.apply("per-file-ignores"))) {
            perFile.add(perFile(normalizeFlake8(pair[0]), List.of(pair[1]), false));
        }
        List<String> select = value.apply("select") == null ? List.of("E", "F", "W", "C90") : commaList(value.apply("select"));
        List<String> all = new ArrayList<>(select);
        all.addAll(commaList(value.apply("extend-select")));
        List<String> ignore = new ArrayList<>(commaList(value.apply("ignore")));
        ignore.addAll(commaList(value.apply("extend-ignore")));
        return new Settings("", excludes, perFile, all, ignore);
    }

    /** flake8 makes a pattern with a '/' absolute against the config's directory; here, relative to the root. */
    private static String normalizeFlake8(String pattern) {
        String p = pattern.strip();
        while (p.startsWith("./")) p = p.substring(2);
        while (p.endsWith("/") && p.length() > 1) p = p.substring(0, p.length() - 1);
        return p;
    }

    private static PerFile perFile(String pattern, List<String> codes, boolean ruff) {
        boolean negated = ruff && pattern.startsWith("!");
        String p = negated ? pattern.substring(1) : pattern;
        while (p.startsWith("./")) p = p.substring(2);
        List<String> upper = codes.stream().map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).filter(c -> !c.isEmpty()).toList();
        return new PerFile(glob(p, ruff), glob(p, ruff), negated, upper);
    }

    private static final Pattern FLAKE8_TOKEN = Pattern.compile("(?<code>[A-Z]+[0-9]*(?=$|\\s|,))|(?<file>[^\\s:,]+)|(?<colon>\\s*:\\s*)|(?<sep>[\\s,]+)");

    /** flake8's files-to-codes mapping: "files: codes" groups, separated by commas or white space. */
    static List<String[]> filesToCodes(String value) {
        List<String[]> out = new ArrayList<>();
        if (value == null) return out;
        List<String> files = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        boolean colon = false;
        Matcher m = FLAKE8_TOKEN.matcher(value);
        int at = 0;
        while (at < value.length() && m.find(at) && m.start() == at) {
            at = m.end();
            if (m.group("colon") != null) {
                colon = true;
            } else if (m.group("code") != null && colon) {
                codes.add(m.group("code"));
            } else if (m.group("file") != null || m.group("code") != null) {
                String word = m.group("file") != null ? m.group("file") : m.group("code");
                if (colon && !codes.isEmpty()) {
                    for (String f : files) for (String c : codes) out.add(new String[] {f, c});
                    files.clear();
                    codes.clear();
                    colon = false;
                }
                files.add(word);
            }
        }
        for (String f : files) for (String c : codes) out.add(new String[] {f, c});
        return out;
    }

    private static List<String> commaList(String value) {
        if (value == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : value.split("[,\\s]+")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    private static List<String> strings(Optional<TomlDocument.Node> node) {
        if (node.isEmpty()) return List.of();
        Object v = node.get().value();
        if (v instanceof String s) return List.of(s);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) if (o instanceof TomlDocument.Node n && n.value() instanceof String s) out.add(s);
        }
        return out;
    }

    /**
     * A glob as a regex over paths relative to the settings' directory: {@code *} and {@code **} cross {@code /}
     * (globset without literal separators, and fnmatch), {@code ?} one char, {@code [...]} and {@code [!...]} classes,
     * and for ruff {@code {a,b}} alternatives. A pattern that is not valid matches nothing.
     */
    public static Pattern glob(String glob, boolean braces) {
        StringBuilder re = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                // "**/x" also matches x itself: any number of directories, none included
                re.append("(?:.*/)?");
                i += 2;
                continue;
            }
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) body = "^" + body.substring(1);
                        re.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                case '{' -> {
                    if (braces) {
                        re.append("(?:");
                        depth++;
                    } else {
                        re.append("\\{");
                    }
                }
                case '}' -> {
                    if (braces && depth > 0) {
                        re.append(')');
                        depth--;
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces && depth > 0 ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(depth == 0 ? re.toString() : "(?!)");
        } catch (RuntimeException e) {
            return Pattern.compile("(?!)");
        }
    }

    private static String text(ProjectModel project, String path) {
        return project.bytes(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }
}
