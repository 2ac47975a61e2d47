package dev.lintgate.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A pip requirements (or constraints) file read as pip reads it ({@code pip/_internal/req/req_file.py}): lines
 * ending in {@code \} are joined, {@code #} starts a comment at the start of a line or after whitespace,
 * {@code -r}/{@code --requirement} and {@code -c}/{@code --constraint} include other files (relative to this one's
 * directory), global options ({@code -i}, {@code --extra-index-url}, {@code -f}, {@code --pre}...) install nothing,
 * and per-requirement options ({@code --hash=...}) follow the requirement. {@code .} and {@code -e .} install the
 * project itself; a VCS URL names its distribution with {@code #egg=}, a wheel URL or path in its file name. Any
 * other line lintgate cannot name is kept as {@link Unreadable}.
 */
public record RequirementsFile(String path, List<Line> requirements, List<Include> includes, List<Unreadable> unreadable) {

    /** A requirement and the line it starts on. */
    public record Line(Requirement requirement, int line) {
    }

    /** {@code -r FILE} or {@code -c FILE}: {@code target} is resolved against this file's directory. */
    public record Include(String target, boolean constraint, int line) {
    }

    // options that take a value, as pip's req_file parser declares them (short and long forms)
    private static final List<String> VALUE_OPTIONS = List.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links", "--trusted-host", "--use-feature", "--only-binary", "--no-binary", "--config-settings",
            "--global-option", "--hash");

    public static RequirementsFile parse(String path, String text) {
        List<Line> requirements = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        List<String> raw = lines(text);
        StringBuilder joined = new StringBuilder();
        int start = 0;
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            if (joined.length() == 0) start = i + 1;
            boolean comment = isCommentLine(line);
            if (line.endsWith("\\") && !comment) {
                joined.append(line, 0, line.length() - 1);
                continue;
            }
            joined.append(comment && joined.length() > 0 ? "" : line);
            String logical = stripComment(joined.toString()).strip();
            joined.setLength(0);
            if (logical.isEmpty()) continue;
            read(path, dir, logical, start, requirements, includes, unreadable);
        }
        return new RequirementsFile(path, List.copyOf(requirements), List.copyOf(includes), List.copyOf(unreadable));
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static boolean isCommentLine(String line) {
        return line.strip().startsWith("#");
    }

    // pip's COMMENT_RE: (^|\s+)#.*$
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }

    private static void read(String path, String dir, String line, int number, List<Line> requirements,
                             List<Include> includes, List<Unreadable> unreadable) {
        if (line.contains("${")) {
            unreadable.add(new Unreadable(path, number, "an environment variable in `" + line + "`"));
            return;
        }
        if (line.startsWith("-")) {
            option(path, dir, line, number, requirements, includes, unreadable);
            return;
        }
        // per-requirement options start at the first word beginning with '-' (pip's break_args_options)
        String spec = line;
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == '-' && Character.isWhitespace(line.charAt(i - 1))) {
                spec = line.substring(0, i).strip();
                break;
            }
        }
        Optional<Requirement> named = name(spec);
        if (named.isPresent()) {
            requirements.add(new Line(named.get(), number));
        } else if (!isSelf(spec)) {
            unreadable.add(new Unreadable(path, number, "`" + spec + "` names no distribution lintgate can read"));
        }
    }

    private static void option(String path, String dir, String line, int number, List<Line> requirements,
                               List<Include> includes, List<Unreadable> unreadable) {
        String[] words = line.split("\\s+", 2);
        String option = words[0];
        String value = words.length > 1 ? words[1].strip() : "";
        int eq = option.indexOf('=');
        if (option.startsWith("--") && eq > 0) {
            value = option.substring(eq + 1) + (value.isEmpty() ? "" : " " + value);
            option = option.substring(0, eq);
        } else if (!option.startsWith("--") && option.length() > 2) {
            // "-rfile.txt", "-e."
            value = option.substring(2) + (value.isEmpty() ? "" : " " + value);
            option = option.substring(0, 2);
        }
        switch (option) {
            case "-r", "--requirement", "-c", "--constraint" -> {
                if (value.isEmpty()) {
                    unreadable.add(new Unreadable(path, number, "`" + line + "` names no file"));
                } else if (value.contains("://")) {
                    unreadable.add(new Unreadable(path, number, "`" + value + "` is a remote file"));
                } else {
                    includes.add(new Include(resolve(dir, value), option.startsWith("-c") || option.equals("--constraint"), number));
                }
            }
            case "-e", "--editable" -> {
                Optional<Requirement> named = name(value).filter(r -> r.url() != null);
                if (named.isPresent()) {
                    requirements.add(new Line(named.get(), number));
                } else if (!isSelf(value)) {
                    unreadable.add(new Unreadable(path, number, "the editable install `" + value + "` names no distribution lintgate can read"));
                }
            }
            default -> {
                // global options (indexes, binaries, --pre, --require-hashes) change where from, not what
                if (!VALUE_OPTIONS.contains(option) && !option.startsWith("--")) {
                    unreadable.add(new Unreadable(path, number, "pip option `" + option + "`"));
                }
            }
        }
    }

    /** {@code .}, {@code ./}, {@code .[test]}: the project being developed, whose own declarations are read anyway. */
    private static boolean isSelf(String spec) {
        String s = spec.strip();
        int bracket = s.indexOf('[');
        if (bracket >= 0) s = s.substring(0, bracket);
        return s.equals(".") || s.equals("./");
    }

    /**
     * The requirement a line names: PEP 508 ({@code name @ url} included), a VCS or archive URL with
     * {@code #egg=name}, or a wheel's file name ({@code name-1.0-py3-none-any.whl}, which also pins its version).
     */
    static Optional<Requirement> name(String spec) {
        Optional<Requirement> pep508 = Requirement.parse(spec);
        if (pep508.isPresent()) return pep508;
        int egg = spec.indexOf("#egg=");
        if (egg < 0) egg = spec.indexOf("&egg=");
        if (egg >= 0) {
            String name = spec.substring(egg + 5).split("[&\\s]")[0];
            int dash = name.indexOf('-');
            // "#egg=name-1.0" is an old form that also pins the version
            if (dash > 0 && Version.parse(name.substring(dash + 1)).isPresent()) name = name.substring(0, dash);
            if (Requirement.isName(name)) return Optional.of(new Requirement(name, List.of(), VersionSpec.ANY, spec, null));
        }
        String file = spec.contains("/") ? spec.substring(spec.lastIndexOf('/') + 1) : spec;
        if (file.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            String[] parts = file.split("-");
            if (parts.length >= 5 && Requirement.isName(parts[0])) {
                VersionSpec pin = VersionSpec.pep440("==" + parts[1]).orElse(VersionSpec.ANY);
                return Optional.of(new Requirement(parts[0], List.of(), pin, spec, null));
            }
        }
        return Optional.empty();
    }

    /** A path relative to a directory, with {@code .} and {@code ..} resolved; may leave the project ("../x"). */
    static String resolve(String dir, String relative) {
        String r = relative.replace('\\', '/');
        if (r.startsWith("/")) return r;
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty()) parts.addAll(List.of(dir.split("/")));
        for (String p : r.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty() || parts.get(parts.size() - 1).equals("..")) parts.add("..");
                else parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
