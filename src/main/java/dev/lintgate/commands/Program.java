package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command line runs once the wrappers in front are taken off ({@code uv run}, {@code poetry run},
 * {@code python -m}, {@code coverage run -m}, {@code env X=1}, {@code time} ...): pytest with its arguments, one of
 * the runners that read their own files (tox, nox, make), a script of the repository, or something else.
 */
public record Program(Kind kind, List<String> args, String cwdChange, Map<String, String> env, String unknownBecause) {

    public enum Kind {
        /** pytest itself; {@code args} are its arguments. */
        PYTEST,
        TOX,
        NOX,
        MAKE,
        /** A shell script: {@code args.get(0)} is its path as written, the rest its arguments. */
        SCRIPT,
        /** A Python file run as a program: {@code args.get(0)} is its path as written. */
        PYTHON_FILE,
        /** A program named by a word lintgate cannot expand; {@code unknownBecause} says which. */
        UNKNOWN,
        OTHER
    }

    public Program {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    private static final Set<String> PYTEST_NAMES = Set.of("pytest", "py.test");
    private static final Set<String> PASS_THROUGH = Set.of("exec", "command", "time", "nice", "nohup", "builtin");
    private static final Set<String> RUNNERS = Set.of("poetry", "pdm", "pipenv", "rye", "hatch");
    // uv run's options that take a value; the others are flags
    private static final Set<String> UV_RUN_VALUES = Set.of("--extra", "--no-extra", "--group", "--no-group",
            "--only-group", "--with", "--with-editable", "--with-requirements", "--env-file", "--package", "--python",
            "-p", "--directory", "--project", "--index", "--default-index", "--index-url", "-i", "--extra-index-url",
            "--find-links", "-f", "--index-strategy", "--keyring-provider", "--resolution", "--prerelease",
            "--fork-strategy", "--exclude-newer", "--no-build-package", "--no-binary-package", "--refresh-package",
            "--reinstall-package", "--upgrade-package", "-P", "--link-mode", "--config-setting", "-C",
            "--python-platform", "--cache-dir", "--config-file", "--color", "--allow-insecure-host", "--emit-index-url");
    // the options of python itself that take a value
    private static final Set<Character> PYTHON_VALUES = Set.of('W', 'X', 'Q');
    private static final Set<String> COVERAGE_RUN_VALUES = Set.of("--source", "--rcfile", "--data-file",
            "--concurrency", "--context", "--include", "--omit", "--debug");

    /** What the words run; leading {@code VAR=value} words are the command's environment. */
    public static Program of(List<String> words) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        String cwd = null;
        while (i < words.size()) {
            String w = words.get(i);
            if (isAssignment(Words.spelling(w))) {
                // PATH="$HOME/bin:$PATH" pytest: an environment variable, whatever its value
                String s = Words.spelling(w);
                env.put(s.substring(0, s.indexOf('=')), Words.isUnknown(w) ? Words.unknown(s.substring(s.indexOf('=') + 1)) : s.substring(s.indexOf('=') + 1));
                i++;
                continue;
            }
            if (Words.isUnknown(w)) {
                List<String> rest = words.subList(i, words.size());
                boolean namesPytest = rest.stream().anyMatch(PYTEST_NAMES::contains);
                return new Program(namesPytest ? Kind.UNKNOWN : Kind.OTHER, rest, cwd, env,
                        "the program is `" + Words.spelling(w) + "`, which lintgate cannot expand");
            }
            String name = w.substring(w.lastIndexOf('/') + 1);
            List<String> rest = words.subList(i + 1, words.size());
            if (PYTEST_NAMES.contains(name)) return new Program(Kind.PYTEST, rest, cwd, env, null);
            if (PASS_THROUGH.contains(name)) {
                i++;
                continue;
            }
            if (name.equals("env")) {
                i++;
                while (i < words.size() && words.get(i).startsWith("-")) i++;
                continue;
            }
            if (name.equals("timeout")) {
                i++;
                while (i < words.size() && words.get(i).startsWith("-")) i++;
                i++;
                continue;
            }
            if (name.equals("uv") && rest.size() > 0 && rest.get(0).equals("run")) {
                i += 2;
                while (i < words.size() && words.get(i).startsWith("-")) {
                    String o = words.get(i);
                    if (o.equals("-m") || o.equals("--module")) return module(words, i + 1, cwd, env);
                    if (o.equals("--directory") && i + 1 < words.size()) cwd = join(cwd, words.get(i + 1));
                    if (o.startsWith("--directory=")) cwd = join(cwd, o.substring("--directory=".length()));
                    i += UV_RUN_VALUES.contains(o) ? 2 : 1;
                }
                continue;
            }
            if ((name.equals("uvx") || name.equals("pipx")) && !rest.isEmpty()) {
                i += name.equals("pipx") && rest.get(0).equals("run") ? 2 : 1;
                while (i < words.size() && words.get(i).startsWith("-")) i++;
                continue;
            }
            if (RUNNERS.contains(name) && !rest.isEmpty() && rest.get(0).equals("run")) {
                i += 2;
                while (i < words.size() && words.get(i).startsWith("-")) i++;
                continue;
            }
            if (isPython(name)) return python(words, i + 1, cwd, env);
            if (name.equals("coverage") && !rest.isEmpty() && rest.get(0).equals("run")) {
                i += 2;
                while (i < words.size() && words.get(i).startsWith("-")) {
                    String o = words.get(i);
                    if (o.equals("-m") || o.equals("--module")) return module(words, i + 1, cwd, env);
                    i += COVERAGE_RUN_VALUES.contains(o) ? 2 : 1;
                }
                if (i < words.size()) return python(words, i, cwd, env);
                return new Program(Kind.OTHER, List.of(), cwd, env, null);
            }
            if (name.equals("xargs")) {
                boolean namesPytest = rest.stream().anyMatch(PYTEST_NAMES::contains);
                return new Program(namesPytest ? Kind.UNKNOWN : Kind.OTHER, rest, cwd, env,
                        "xargs gives it arguments read from its input");
            }
            if (name.equals("tox")) return new Program(Kind.TOX, rest, cwd, env, null);
            if (name.equals("nox")) return new Program(Kind.NOX, rest, cwd, env, null);
            if (name.equals("make") || name.equals("gmake")) return new Program(Kind.MAKE, rest, cwd, env, null);
            if (Set.of("bash", "sh", "zsh", "dash").contains(name)) {
                int j = i + 1;
                while (j < words.size() && words.get(j).startsWith("-") && !words.get(j).equals("-c")) j++;
                if (j < words.size() && words.get(j).equals("-c")) {
                    return new Program(Kind.OTHER, words.subList(j, words.size()), cwd, env, null);
                }
                if (j >= words.size()) return new Program(Kind.OTHER, List.of(), cwd, env, null);
                return new Program(Kind.SCRIPT, words.subList(j, words.size()), cwd, env, null);
            }
            if (w.endsWith(".sh") || (w.contains("/") && !w.startsWith("/"))) {
                return new Program(w.endsWith(".py") ? Kind.PYTHON_FILE : Kind.SCRIPT, words.subList(i, words.size()), cwd, env, null);
            }
            return new Program(Kind.OTHER, words.subList(i, words.size()), cwd, env, null);
        }
        return new Program(Kind.OTHER, List.of(), cwd, env, null);
    }

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        if (eq <= 0) return false;
        for (int k = 0; k < eq; k++) {
            char c = w.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_') || (k == 0 && Character.isDigit(c))) return false;
        }
        return true;
    }

    private static boolean isPython(String name) {
        return name.matches("python(\\d(\\.\\d+)?t?)?|pypy3?(\\.\\d+)?|py");
    }

    /** After {@code python}: its own options, then {@code -m MODULE}, {@code -c CODE} or a file. */
    private static Program python(List<String> words, int i, String cwd, Map<String, String> env) {
        while (i < words.size()) {
            String o = words.get(i);
            if (!o.startsWith("-") || o.equals("-")) break;
            if (o.equals("-c")) return new Program(Kind.OTHER, List.of(), cwd, env, null);
            // a cluster such as -Im or -Xdev: the first option taking a value takes the rest of the word or the next
            boolean consumed = false;
            for (int k = 1; k < o.length(); k++) {
                char c = o.charAt(k);
                if (c == 'm') {
                    String rest = o.substring(k + 1);
                    return rest.isEmpty() ? module(words, i + 1, cwd, env) : moduleNamed(rest, words.subList(i + 1, words.size()), cwd, env);
                }
                if (c == 'c') return new Program(Kind.OTHER, List.of(), cwd, env, null);
                if (PYTHON_VALUES.contains(c)) {
                    consumed = k == o.length() - 1;
                    break;
                }
            }
            i += consumed ? 2 : 1;
        }
        if (i >= words.size()) return new Program(Kind.OTHER, List.of(), cwd, env, null);
        String file = words.get(i);
        if (Words.isUnknown(file)) {
            return new Program(Kind.OTHER, List.of(), cwd, env, null);
        }
        String base = file.substring(file.lastIndexOf('/') + 1);
        if (PYTEST_NAMES.contains(base)) return new Program(Kind.PYTEST, words.subList(i + 1, words.size()), cwd, env, null);
        return new Program(Kind.PYTHON_FILE, words.subList(i, words.size()), cwd, env, null);
    }

    private static Program module(List<String> words, int i, String cwd, Map<String, String> env) {
        if (i >= words.size()) return new Program(Kind.OTHER, List.of(), cwd, env, null);
        return moduleNamed(words.get(i), words.subList(i + 1, words.size()), cwd, env);
    }

    private static Program moduleNamed(String module, List<String> rest, String cwd, Map<String, String> env) {
        return switch (module) {
            case "pytest" -> new Program(Kind.PYTEST, rest, cwd, env, null);
            case "tox" -> new Program(Kind.TOX, rest, cwd, env, null);
            case "nox" -> new Program(Kind.NOX, rest, cwd, env, null);
            default -> new Program(Kind.OTHER, rest, cwd, env, null);
        };
    }

    private static String join(String cwd, String dir) {
        if (cwd == null || dir.startsWith("/")) return dir;
        return cwd + "/" + dir;
    }

    public static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
