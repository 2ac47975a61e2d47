package dev.lintgate.commands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The recipe lines of a Makefile, expanded as GNU make expands them and split into commands as the shell runs them
 * (each line in its own shell, in the Makefile's directory). Variables assigned with {@code =}, {@code :=},
 * {@code ::=}, {@code ?=} and {@code +=} are followed, and so are included files that exist; a variable make would
 * leave empty is empty. What lintgate cannot expand (functions such as {@code $(shell ...)}, a variable assigned
 * inside a conditional or in an included file it cannot read, an automatic variable other than {@code $@}) becomes
 * unknown text, which may be any number of words.
 */
public final class Makefile {

    private final String path;
    private final String dir;
    private final Function<String, Optional<byte[]>> files;
    private final Map<String, String> values = new LinkedHashMap<>();
    /** Variables whose value lintgate does not know (assigned in a conditional, by a function...). */
    private final java.util.Set<String> uncertain = new java.util.HashSet<>();
    private final List<Recipe> recipes = new ArrayList<>();
    private boolean unreadInclude;
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final Map<String, String> placeholderNames = new java.util.HashMap<>();
    private final Map<String, String> expandedValues = new java.util.HashMap<>();

    private record Recipe(String target, int line, String text) {
    }

    private Makefile(String path, Function<String, Optional<byte[]>> files) {
        this.path = path;
        this.dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        this.files = files;
    }

    /**
     * The commands of the Makefile at {@code path}, with variables set on make's command line ({@code overrides},
     * values possibly unknown words) winning over the file's.
     */
    public static List<CommandLine> commands(String path, Function<String, Optional<byte[]>> files, Map<String, String> overrides) {
        return commands(path, files, overrides, new Runs());
    }

    /** What one run reads of many Makefile runs: each Makefile parsed once, each expanded recipe line split once. */
    public static final class Runs {
        private final Map<String, Makefile> parsed = new java.util.HashMap<>();
        private final Map<String, List<CommandLine>> split = new java.util.HashMap<>();
    }

    /**
     * As {@link #commands(String, Function, Map)}, sharing what {@code runs} has read: a Makefile that runs itself
     * with other variables ({@code $(MAKE) VAR=x target}, 31 times in CPython's) was parsed, and most of its lines
     * expanded to the same text and split, once per run.
     */
    public static List<CommandLine> commands(String path, Function<String, Optional<byte[]>> files, Map<String, String> overrides,
                                             Runs runs) {
        Makefile read = runs.parsed.computeIfAbsent(path, p -> {
            Makefile fresh = new Makefile(p, files);
            fresh.read(p, 0);
            return fresh;
        });
        Makefile m = new Makefile(path, files);
        m.values.putAll(read.values);
        m.uncertain.addAll(read.uncertain);
        m.recipes.addAll(read.recipes);
        m.unreadInclude = read.unreadInclude;
        Map<String, List<CommandLine>> split = runs.split;
        m.values.putAll(overrides);
        m.uncertain.removeAll(overrides.keySet());
        List<CommandLine> out = new ArrayList<>();
        for (Recipe r : m.recipes) {
            String text = m.expand(r.text(), r.target(), 0);
            // @, - and + before a recipe line are make's, not the shell's
            text = text.stripLeading();
            while (!text.isEmpty() && "@-+".indexOf(text.charAt(0)) >= 0) text = text.substring(1).stripLeading();
            // only the placeholders this line holds: all of them for every line was quadratic in a large Makefile
            Map<String, String> shellVariables = new LinkedHashMap<>();
            for (int at = text.indexOf(PLACEHOLDER); at >= 0; at = text.indexOf(PLACEHOLDER, at + 1)) {
                String name = text.substring(at + 2, text.indexOf('}', at));
                shellVariables.put(name, Words.unknownWords(m.placeholders.get(name)));
            }
            String line = text;
            out.addAll(split.computeIfAbsent(path + '\0' + r.line() + '\0' + text + '\0' + shellVariables,
                    k -> ShellScript.commands(path, line, r.line(), m.dir, Map.of(), shellVariables)));
        }
        return out;
    }

    private void read(String file, int depth) {
        Optional<byte[]> bytes = files.apply(file);
        if (bytes.isEmpty() || depth > 5) {
            unreadInclude = true;
            return;
        }
        List<String> lines = List.of(new String(bytes.get(), StandardCharsets.UTF_8).split("\n", -1));
        int conditional = 0;
        String target = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String raw = stripCr(lines.get(i));
            if (raw.startsWith("\t") && target != null) {
                StringBuilder recipe = new StringBuilder(raw.substring(1));
                // a backslash-newline stays in the recipe: the shell joins the lines
                while (recipe.toString().endsWith("\\") && i + 1 < lines.size()) {
                    String next = stripCr(lines.get(++i));
                    recipe.append('\n').append(next.startsWith("\t") ? next.substring(1) : next);
                }
                recipes.add(new Recipe(target, lineNo, recipe.toString()));
                continue;
            }
            StringBuilder logical = new StringBuilder(raw);
            while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(stripCr(lines.get(++i)).strip());
            }
            String l = stripComment(logical.toString()).strip();
            if (l.isEmpty()) continue;
            String word = l.split("\\s+", 2)[0];
            switch (word) {
                case "ifeq", "ifneq", "ifdef", "ifndef" -> {
                    conditional++;
                    continue;
                }
                case "else" -> {
                    continue;
                }
                case "endif" -> {
                    conditional = Math.max(0, conditional - 1);
                    continue;
                }
                case "include", "-include", "sinclude" -> {
                    for (String inc : l.substring(word.length()).strip().split("\\s+")) {
                        if (inc.contains("$")) {
                            unreadInclude = true;
                        } else {
                            read(Paths.resolve(dir, inc), depth + 1);
                        }
                    }
                    continue;
                }
                case "define" -> {
                    String name = l.substring(word.length()).strip().split("\\s+")[0];
                    StringBuilder body = new StringBuilder();
                    while (i + 1 < lines.size() && !stripCr(lines.get(i + 1)).strip().equals("endef")) {
                        body.append(body.length() == 0 ? "" : "\n").append(stripCr(lines.get(++i)));
                    }
                    i++;
                    assign(name, "=", body.toString(), conditional > 0);
                    continue;
                }
                default -> { }
            }
            String assignment = l.startsWith("export ") || l.startsWith("override ") ? l.substring(l.indexOf(' ') + 1).strip() : l;
            int op = assignmentOperator(assignment);
            if (op >= 0) {
                int opEnd = assignment.indexOf('=', op) + 1;
                assign(assignment.substring(0, op).strip(), assignment.substring(op, opEnd), assignment.substring(opEnd).strip(), conditional > 0);
                target = null;
                continue;
            }
            int colon = ruleColon(l);
            if (colon > 0) {
                String targets = l.substring(0, colon).strip();
                target = targets.split("\\s+")[0];
                String rest = l.substring(colon + 1);
                int semi = rest.indexOf(';');
                if (semi >= 0) recipes.add(new Recipe(target, lineNo, rest.substring(semi + 1)));
            }
        }
    }

    private void assign(String name, String op, String value, boolean inConditional) {
        if (name.contains("$") || name.isEmpty()) return;
        if (inConditional) uncertain.add(name);
        switch (op) {
            case "?=" -> values.putIfAbsent(name, value);
            case "+=" -> values.merge(name, value, (a, b) -> a.isEmpty() ? b : a + " " + b);
            default -> values.put(name, value);
        }
    }

    /** Where the operator of a variable assignment starts, or -1 for a rule or anything else. */
    private static int assignmentOperator(String l) {
        int eq = l.indexOf('=');
        if (eq <= 0) return -1;
        int colon = l.indexOf(':');
        if (colon >= 0 && colon < eq - 2) return -1;
        int op = eq;
        if (op > 0 && "?+:!".indexOf(l.charAt(op - 1)) >= 0) op--;
        if (op > 0 && l.charAt(op) == ':' && l.charAt(op - 1) == ':') op--;
        String name = l.substring(0, op).strip();
        return !name.isEmpty() && name.chars().noneMatch(c -> Character.isWhitespace(c) || c == ':' || c == '#' || c == '=') ? op : -1;
    }

    private static int ruleColon(String l) {
        int depth = 0;
        for (int k = 0; k < l.length(); k++) {
            char c = l.charAt(k);
            if (c == '(' || c == '{') depth++;
            if (c == ')' || c == '}') depth--;
            if (c == ':' && depth == 0) return k;
        }
        return -1;
    }

    private static String stripComment(String l) {
        for (int k = 0; k < l.length(); k++) {
            if (l.charAt(k) == '#' && (k == 0 || l.charAt(k - 1) != '\\')) return l.substring(0, k);
        }
        return l;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** make's expansion of a recipe line; what lintgate cannot expand becomes a placeholder the shell cannot know. */
    private String expand(String text, String target, int depth) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = text.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String ref;
            int end;
            if (n == '(' || n == '{') {
                char close = n == '(' ? ')' : '}';
                int d = 1;
                end = i + 2;
                while (end < text.length() && d > 0) {
                    if (text.charAt(end) == n) d++;
                    if (text.charAt(end) == close) d--;
                    end++;
                }
                ref = text.substring(i + 2, Math.max(i + 2, end - 1));
            } else {
                ref = String.valueOf(n);
                end = i + 2;
            }
            String shown = text.substring(i, end);
            out.append(value(ref, shown, target, depth));
            i = end;
        }
        return out.toString();
    }

    private String value(String ref, String shown, String target, int depth) {
        if (ref.equals("@")) return target;
        if (ref.equals("MAKE")) return "make";
        boolean plainName = !ref.isEmpty() && ref.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'));
        if (!plainName || uncertain.contains(ref) || depth > 20) return placeholder(shown);
        String v = values.get(ref);
        if (v == null) {
            // make leaves a variable nobody sets empty, unless an include lintgate cannot read may set it
            return unreadInclude ? placeholder(shown) : "";
        }
        if (Words.isUnknown(v)) return placeholder(Words.spelling(v));
        // a variable's value expands to the same text wherever it is used (placeholders are named by what they
        // stand for), so it is expanded once: CPython's Makefile nests its object lists dozens of times
        String done = expandedValues.get(ref);
        if (done == null) {
            done = expand(v, "", depth + 1);
            expandedValues.put(ref, done);
        }
        return done;
    }

    private static final String PLACEHOLDER = "${__lintgate_make_";

    /** The same unknown text is the same unknown shell variable, wherever it stands. */
    private String placeholder(String shown) {
        String name = placeholderNames.computeIfAbsent(shown, t -> "__lintgate_make_" + placeholderNames.size());
        placeholders.putIfAbsent(name, shown);
        return "${" + name + "}";
    }
}
