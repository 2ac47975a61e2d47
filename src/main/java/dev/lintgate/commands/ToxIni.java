package dev.lintgate.commands;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.IniDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code commands} of a tox ini file ({@code [testenv]} and every {@code [testenv:NAME]}), as tox 4 runs them:
 * each line split with shlex after tox's substitutions, in the env's {@code changedir}, with its {@code setenv}.
 * Every command line counts, whatever factors it is conditioned on. {@code {posargs}} is what the caller passes
 * (nothing, for {@code tox -e NAME}, or the default after its colon); {@code {env:KEY}} is the env's own
 * {@code setenv} value, or the default when tox passes no such variable in. A substitution lintgate cannot resolve
 * (a factor-conditional {@code setenv}, a passed-in variable) leaves unknown text.
 */
public final class ToxIni {

    private static final Pattern FACTORS = Pattern.compile("^!?[A-Za-z0-9_.{},\\-!]+:\\s+");
    private static final String MARK = "\u0002";
    // {toxinidir} until the directory the command runs in is known: it is an absolute path there
    private static final String INI_DIR = "\u0004";

    private final String path;
    private final String dir;
    private final IniDocument ini;
    private final List<String> posargs;
    private final String[] lines;
    private final List<String> unknowns = new ArrayList<>();

    private ToxIni(String path, IniDocument ini, String text, List<String> posargs) {
        this.path = path;
        this.dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        this.ini = ini;
        this.posargs = posargs;
        this.lines = text.split("\n", -1);
    }

    /**
     * The commands of the tox file at {@code path} holding {@code text}; {@code posargs} null when tox is run
     * without positional arguments.
     */
    public static List<CommandLine> commands(String path, String text, List<String> posargs) {
        IniDocument ini;
        try {
            ini = IniDocument.parse(text);
        } catch (ConfigSyntaxException e) {
            return List.of(CommandLine.notUnderstood(path + ":" + e.line(), "lintgate cannot read this tox file: " + e.getMessage()));
        }
        return new ToxIni(path, ini, text, posargs).read();
    }

    private List<CommandLine> read() {
        List<CommandLine> out = new ArrayList<>();
        for (IniDocument.Section s : ini.sections()) {
            if (!s.name().equals("testenv") && !s.name().startsWith("testenv:")) continue;
            String env = s.name().equals("testenv") ? "py" : s.name().substring("testenv:".length());
            IniDocument.Entry commands = setting(s, "commands");
            if (commands == null) continue;
            String changedir = setting(s, "changedir") == null ? "" : substituteText(setting(s, "changedir").value(), s, env).replace(INI_DIR, ".");
            String cwd = changedir.isEmpty() ? dir : Paths.resolve(dir, changedir);
            String fromCwdToIni = cwd == null ? "." : relative(cwd, dir);
            int from = commands.line();
            for (String logical : logicalLines(commands.value())) {
                String line = FACTORS.matcher(logical).replaceFirst("");
                if (line.startsWith("- ") || line.startsWith("-")) line = line.substring(1).stripLeading();
                int at = lineOf(logical, from);
                from = at;
                unknowns.clear();
                String substituted = substituteText(line, s, env).replace(INI_DIR, fromCwdToIni);
                List<String> words;
                try {
                    words = Shlex.split(substituted);
                } catch (IllegalArgumentException e) {
                    out.add(CommandLine.notUnderstood(path + ":" + at, "tox cannot split `" + line + "`: " + e.getMessage()));
                    continue;
                }
                List<String> restored = new ArrayList<>();
                for (String w : words) restored.add(restore(w));
                if (cwd == null) {
                    out.add(CommandLine.notUnderstood(path + ":" + at, "`" + line + "` runs in " + changedir + ", which lintgate cannot place"));
                    continue;
                }
                out.add(new CommandLine(path + ":" + at, cwd, restored, setenv(s, env), null));
            }
        }
        return out;
    }

    /** The path that leads from one repository directory to another: "../.." from services/api to the root. */
    private static String relative(String from, String to) {
        String[] a = from.isEmpty() ? new String[0] : from.split("/");
        String[] b = to.isEmpty() ? new String[0] : to.split("/");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) common++;
        List<String> parts = new ArrayList<>();
        for (int k = common; k < a.length; k++) parts.add("..");
        for (int k = common; k < b.length; k++) parts.add(b[k]);
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    /** A key of the env's section, else of {@code [testenv]} (what tox inherits). */
    private IniDocument.Entry setting(IniDocument.Section s, String key) {
        if (s.entry(key).isPresent()) return s.entry(key).get();
        return ini.section("testenv").flatMap(b -> b.entry(key)).orElse(null);
    }

    /** A multi-line value's lines, with backslash continuations joined and comments dropped. */
    private static List<String> logicalLines(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String l : value.split("\n")) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.endsWith("\\")) {
                cur.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            cur.append(t);
            out.add(cur.toString());
            cur.setLength(0);
        }
        if (cur.length() > 0) out.add(cur.toString().strip());
        return out;
    }

    private int lineOf(String logical, int from) {
        String head = logical.length() > 20 ? logical.substring(0, 20) : logical;
        for (int i = Math.max(0, from - 1); i < lines.length; i++) {
            if (lines[i].contains(head)) return i + 1;
        }
        return from;
    }

    /** The env's known environment: its setenv entries without factors whose values are known. */
    private Map<String, String> setenv(IniDocument.Section s, String env) {
        Map<String, String> out = new LinkedHashMap<>();
        IniDocument.Entry e = setting(s, "setenv");
        if (e == null) return out;
        for (String l : logicalLines(e.value())) {
            if (FACTORS.matcher(l).find() || !l.contains("=")) continue;
            String key = l.substring(0, l.indexOf('=')).strip();
            unknowns.clear();
            String v = substituteText(l.substring(l.indexOf('=') + 1).strip(), s, env);
            out.put(key, v.contains(MARK) ? Words.unknownWords(shown(v)) : v);
        }
        return out;
    }

    /** tox's substitutions; what lintgate cannot resolve becomes a marked stand-in restored as unknown text. */
    private String substituteText(String text, IniDocument.Section s, String env) {
        return substitute(text, s, env, 0);
    }

    private String substitute(String text, IniDocument.Section s, String env, int depth) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '}')) {
                out.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '[' && text.startsWith("[]", i)) {
                out.append(posargsText(""));
                i += 2;
                continue;
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int end = matching(text, i);
            if (end < 0) {
                out.append(text.substring(i));
                break;
            }
            String inner = text.substring(i + 1, end);
            out.append(depth > 10 ? unknown("{" + inner + "}") : resolve(inner, s, env, depth));
            i = end + 1;
        }
        return out.toString();
    }

    private static int matching(String text, int open) {
        int d = 0;
        for (int k = open; k < text.length(); k++) {
            if (text.charAt(k) == '\\') {
                k++;
                continue;
            }
            if (text.charAt(k) == '{') d++;
            if (text.charAt(k) == '}' && --d == 0) return k;
        }
        return -1;
    }

    private String resolve(String inner, IniDocument.Section s, String env, int depth) {
        if (inner.equals("posargs") || inner.startsWith("posargs:")) {
            return posargsText(inner.equals("posargs") ? "" : substitute(inner.substring("posargs:".length()), s, env, depth + 1));
        }
        switch (inner) {
            case "toxinidir", "tox_root" -> {
                return INI_DIR;
            }
            case "envpython", "env_python" -> {
                return "python";
            }
            case "envname", "env_name" -> {
                return env;
            }
            case "/" -> {
                return "/";
            }
            case ":" -> {
                return ":";
            }
            case "envbindir", "env_bin_dir", "envdir", "env_dir", "envtmpdir", "env_tmp_dir", "toxworkdir", "work_dir",
                 "envsitepackagesdir", "env_site_packages_dir", "envlogdir", "temp_dir" -> {
                // directories of tox's own, outside the repository
                return "/tox/" + inner;
            }
            default -> { }
        }
        if (inner.startsWith("env:")) {
            String rest = inner.substring(4);
            int colon = rest.indexOf(':');
            String key = colon < 0 ? rest : rest.substring(0, colon);
            String fallback = colon < 0 ? null : rest.substring(colon + 1);
            String set = setenvValue(s, key, env, depth);
            if (set != null) return set;
            if (passed(s, key) || fallback == null) return unknown("{" + inner + "}");
            return substitute(fallback, s, env, depth + 1);
        }
        if (inner.startsWith("tty:")) {
            String[] alt = inner.substring(4).split(":", 2);
            String on = substitute(alt[0], s, env, depth + 1);
            String off = alt.length > 1 ? substitute(alt[1], s, env, depth + 1) : "";
            // both alternatives only options: either way no word after them changes its meaning
            if (optionsOnly(on) && optionsOnly(off)) return on;
            return unknown("{" + inner + "}");
        }
        Matcher ref = Pattern.compile("^\\[([^\\]]+)\\](\\S+)$").matcher(inner);
        if (ref.matches()) {
            return ini.section(ref.group(1)).flatMap(x -> x.entry(ref.group(2)))
                    .map(e -> substitute(e.value().replace('\n', ' '), s, env, depth + 1))
                    .orElse(unknown("{" + inner + "}"));
        }
        return unknown("{" + inner + "}");
    }

    private static boolean optionsOnly(String text) {
        if (text.contains(MARK)) return false;
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty() && !w.startsWith("-")) return false;
        }
        return true;
    }

    /** The env's setenv value for a key; null when it sets none; unknown when only some factors set it. */
    private String setenvValue(IniDocument.Section s, String key, String env, int depth) {
        IniDocument.Entry e = setting(s, "setenv");
        if (e == null) return null;
        String found = null;
        boolean conditional = false;
        for (String l : logicalLines(e.value())) {
            boolean factored = FACTORS.matcher(l).find() && !l.startsWith(key + "=");
            String entry = factored ? FACTORS.matcher(l).replaceFirst("") : l;
            int eq = entry.indexOf('=');
            if (eq < 0) {
                // "{[testenv:base]setenv}": the section's entries, which lintgate does not merge in
                if (entry.startsWith("{")) conditional = true;
                continue;
            }
            if (!entry.substring(0, eq).strip().equals(key)) continue;
            if (factored) {
                conditional = true;
            } else {
                found = entry.substring(eq + 1).strip();
            }
        }
        if (conditional) return unknown("{env:" + key + "}");
        return found == null ? null : substitute(found, s, env, depth + 1);
    }

    private boolean passed(IniDocument.Section s, String key) {
        IniDocument.Entry e = setting(s, "passenv");
        if (e == null) return false;
        for (String p : e.value().split("[\\s,]+")) {
            String t = p.strip();
            if (t.isEmpty()) continue;
            if (t.equals(key) || (t.endsWith("*") && key.startsWith(t.substring(0, t.length() - 1)))) return true;
        }
        return false;
    }

    private String posargsText(String fallback) {
        if (posargs == null) return fallback;
        StringBuilder out = new StringBuilder();
        for (String w : posargs) {
            if (out.length() > 0) out.append(' ');
            out.append(Words.isUnknown(w) ? unknown(Words.spelling(w)) : quote(w));
        }
        return out.toString();
    }

    private static String quote(String w) {
        return "'" + w.replace("'", "'\"'\"'") + "'";
    }

    private String unknown(String shown) {
        unknowns.add(shown);
        return MARK + (unknowns.size() - 1) + MARK;
    }

    /** A split word holding stand-ins: unknown text (several words, as a substitution is text). */
    private String restore(String w) {
        return w.contains(MARK) ? Words.unknownWords(shown(w)) : w;
    }

    private String shown(String w) {
        StringBuilder shown = new StringBuilder();
        String[] parts = w.split(MARK, -1);
        for (int k = 0; k < parts.length; k++) {
            if (k % 2 == 0) {
                shown.append(parts[k]);
            } else {
                int n = Integer.parseInt(parts[k]);
                shown.append(n < unknowns.size() ? unknowns.get(n) : "?");
            }
        }
        return shown.toString();
    }
}
