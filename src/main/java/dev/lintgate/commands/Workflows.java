package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of a GitHub Actions workflow or composite action: each step's {@code run:} script (and the
 * {@code run}/{@code command}/{@code script} input of an action that runs one, such as CodSpeed's), in its
 * {@code working-directory}, with the {@code env:} of the workflow, job and step. {@code ${{ matrix.X }}} takes each
 * value the job's matrix lists; {@code ${{ env.X }}} a value set in the file; any other expression is unknown text.
 * A job that checks the repository out under {@code path:} runs its steps relative to that directory; a step in a
 * directory outside the repository (another repository checked out beside it) collects none of its files and is left
 * out, unless it names paths inside the checkout.
 */
public final class Workflows {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern MATRIX = Pattern.compile("matrix\\.([A-Za-z0-9_\\-]+)");
    private static final Pattern ENV = Pattern.compile("env\\.([A-Za-z0-9_]+)");
    private static final int MAX_VARIANTS = 64;

    private final String path;
    private final List<CommandLine> out = new ArrayList<>();

    private Workflows(String path) {
        this.path = path;
    }

    /** The commands of the workflow or action file at {@code path} holding {@code text}. */
    public static List<CommandLine> commands(String path, String text) {
        Workflows w = new Workflows(path);
        Yaml.Node root;
        try {
            root = Yaml.parse(text);
        } catch (Yaml.Unsupported e) {
            return List.of(CommandLine.notUnderstood(path + ":" + Math.max(1, e.line()), "lintgate cannot read this workflow: " + e.getMessage()));
        }
        if (!(root instanceof Yaml.Mapping m)) return List.of();
        if (m.mapping("runs") != null) {
            // a composite action: its steps run in the caller's workspace, which lintgate takes for the checkout
            w.steps(m.mapping("runs").get("steps"), Map.of(), "", Map.of(), List.of(""));
            return w.out;
        }
        Yaml.Mapping jobs = m.mapping("jobs");
        if (jobs == null) return List.of();
        Map<String, String> workflowEnv = env(m.mapping("env"), Map.of());
        String workflowDir = workingDirectory(m.mapping("defaults"));
        for (Yaml.Node job : jobs.entries().values()) {
            if (!(job instanceof Yaml.Mapping j)) continue;
            Map<String, String> jobEnv = env(j.mapping("env"), workflowEnv);
            String jobDir = workingDirectory(j.mapping("defaults"));
            Map<String, List<String>> matrix = matrix(j);
            w.steps(j.get("steps"), jobEnv, jobDir != null ? jobDir : workflowDir != null ? workflowDir : "", matrix, checkouts(j));
        }
        return w.out;
    }

    private void steps(Yaml.Node steps, Map<String, String> env, String defaultDir, Map<String, List<String>> matrix,
                       List<String> checkouts) {
        if (!(steps instanceof Yaml.Sequence seq)) return;
        for (Yaml.Node s : seq.items()) {
            if (!(s instanceof Yaml.Mapping step)) continue;
            Map<String, String> stepEnv = env(step.mapping("env"), env);
            String dir = step.text("working-directory") != null ? step.text("working-directory") : defaultDir;
            Yaml.Node run = step.get("run");
            String shell = step.text("shell");
            if (run == null && step.mapping("with") != null) {
                // actions that take a script to run: CodSpeed's run, retry actions' command, emulators' script
                Yaml.Mapping with = step.mapping("with");
                for (String key : List.of("run", "command", "script")) {
                    if (with.get(key) instanceof Yaml.Scalar sc && sc.value().contains("pytest")) run = sc;
                }
            }
            if (!(run instanceof Yaml.Scalar script)) continue;
            if (shell != null && !shell.isBlank() && !shell.strip().matches("(bash|sh)\\b.*")) {
                if (script.value().contains("pytest")) {
                    out.add(CommandLine.notUnderstood(path + ":" + script.line(), "the step's shell is " + shell.strip() + ", which lintgate does not read"));
                }
                continue;
            }
            for (Map<String, String> variant : variants(script.value() + " " + dir, matrix)) {
                String text = expand(script.value(), variant, stepEnv);
                String cwdText = expand(dir, variant, stepEnv);
                Map<String, String> variables = new LinkedHashMap<>();
                stepEnv.forEach((k, v) -> variables.put(k, expand(v, variant, stepEnv).contains("\u0000") ? Words.unknown("$" + k) : expand(v, variant, stepEnv)));
                run(text, script.line(), cwdText, variables, checkouts);
            }
        }
    }

    private void run(String text, int line, String dir, Map<String, String> variables, List<String> checkouts) {
        if (dir.contains("\u0000") || dir.startsWith("/")) {
            if (text.contains("pytest")) out.add(CommandLine.notUnderstood(path + ":" + line, "the step runs in `" + dir.replace("\u0000", "") + "`, which lintgate cannot place"));
            return;
        }
        String workspaceDir = Paths.resolve("", dir);
        // placeholders of unknown expressions are unknown shell variables to the script
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\u0000(\\d+)\u0000").matcher(text);
        StringBuilder shellText = new StringBuilder();
        while (m.find()) {
            String name = "__lintgate_expr_" + m.group(1);
            vars.put(name, Words.unknownWords(expressions.get(Integer.parseInt(m.group(1)))));
            m.appendReplacement(shellText, Matcher.quoteReplacement("${" + name + "}"));
        }
        m.appendTail(shellText);
        int firstLine = line;
        for (CommandLine c : ShellScript.commands(path, shellText.toString(), firstLine, workspaceDir, variables, vars)) {
            if (c.notUnderstood() != null) {
                out.add(c);
                continue;
            }
            String repoDir = inRepository(c.cwd(), checkouts);
            if (repoDir == null) {
                // a directory beside the checkout: its pytest collects another project, unless it names ours
                boolean namesCheckout = c.words().stream().anyMatch(w -> checkouts.stream()
                        .anyMatch(root -> !root.isEmpty() && Words.spelling(w).contains(root + "/")));
                if (namesCheckout && Program.of(c.words()).kind() != Program.Kind.OTHER) {
                    out.add(CommandLine.notUnderstood(c.source(), "`" + c.text() + "` runs outside the checkout on paths inside it"));
                }
                continue;
            }
            out.add(new CommandLine(c.source(), repoDir, c.words(), c.env(), null));
        }
    }

    /** The repository-relative directory of a workspace directory, or null when it is outside every checkout. */
    private static String inRepository(String workspaceDir, List<String> checkouts) {
        if (workspaceDir == null || Paths.outside(workspaceDir)) return null;
        for (String root : checkouts) {
            if (root.isEmpty()) return workspaceDir;
            if (workspaceDir.equals(root)) return "";
            if (workspaceDir.startsWith(root + "/")) return workspaceDir.substring(root.length() + 1);
        }
        return null;
    }

    /** Where the job checks this repository out: "" for the workspace itself, or each {@code path:}. */
    private static List<String> checkouts(Yaml.Mapping job) {
        List<String> out = new ArrayList<>();
        if (job.get("steps") instanceof Yaml.Sequence seq) {
            for (Yaml.Node s : seq.items()) {
                if (!(s instanceof Yaml.Mapping step)) continue;
                String uses = step.text("uses");
                if (uses == null || !uses.startsWith("actions/checkout")) continue;
                Yaml.Mapping with = step.mapping("with");
                if (with != null && with.text("repository") != null && !with.text("repository").isBlank()) continue;
                String p = with == null ? null : with.text("path");
                out.add(p == null || p.isBlank() ? "" : Paths.resolve("", p.strip()));
            }
        }
        // no checkout step: the workspace is where the commands run, as for the repository's own runner scripts
        if (out.isEmpty()) out.add("");
        return out;
    }

    private static String workingDirectory(Yaml.Mapping defaults) {
        if (defaults == null || defaults.mapping("run") == null) return null;
        return defaults.mapping("run").text("working-directory");
    }

    private static Map<String, String> env(Yaml.Mapping env, Map<String, String> outer) {
        Map<String, String> out = new LinkedHashMap<>(outer);
        if (env == null) return out;
        env.entries().forEach((k, v) -> {
            if (v instanceof Yaml.Scalar s) out.put(k, s.value());
            else out.put(k, "${{ " + k + " }}");
        });
        return out;
    }

    /** A job's matrix: each key with the values it lists, include entries added; none when it is computed. */
    private static Map<String, List<String>> matrix(Yaml.Mapping job) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Yaml.Mapping strategy = job.mapping("strategy");
        if (strategy == null || !(strategy.get("matrix") instanceof Yaml.Mapping m)) return out;
        m.entries().forEach((k, v) -> {
            if (k.equals("include") || k.equals("exclude")) return;
            if (v instanceof Yaml.Sequence s) {
                List<String> values = new ArrayList<>();
                for (Yaml.Node n : s.items()) {
                    if (!(n instanceof Yaml.Scalar sc) || sc.value().contains("${{")) return;
                    values.add(sc.value());
                }
                out.put(k, values);
            }
        });
        if (m.get("include") instanceof Yaml.Sequence inc) {
            for (Yaml.Node n : inc.items()) {
                if (!(n instanceof Yaml.Mapping entry)) continue;
                entry.entries().forEach((k, v) -> {
                    if (v instanceof Yaml.Scalar sc && !sc.value().contains("${{")) {
                        out.computeIfAbsent(k, x -> new ArrayList<>());
                        if (!out.get(k).contains(sc.value())) out.get(k).add(sc.value());
                    } else {
                        out.put(k, null);
                    }
                });
            }
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    /** One assignment of matrix values per combination of the matrix keys the text names. */
    private static List<Map<String, String>> variants(String text, Map<String, List<String>> matrix) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(Map.of());
        Matcher m = MATRIX.matcher(text);
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            if (matrix.containsKey(m.group(1)) && !keys.contains(m.group(1))) keys.add(m.group(1));
        }
        for (String k : keys) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> v : out) {
                for (String value : matrix.get(k)) {
                    Map<String, String> x = new LinkedHashMap<>(v);
                    x.put(k, value);
                    next.add(x);
                }
            }
            if (next.size() > MAX_VARIANTS) return List.of(Map.of());
            out = next;
        }
        return out;
    }

    private final List<String> expressions = new ArrayList<>();

    /** GitHub's substitution of {@code ${{ }}}; what lintgate cannot evaluate becomes a numbered stand-in. */
    private String expand(String text, Map<String, String> matrix, Map<String, String> env) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1);
            String value = null;
            Matcher mx = MATRIX.matcher(expr);
            Matcher ex = ENV.matcher(expr);
            if (mx.matches() && matrix.containsKey(mx.group(1))) {
                value = matrix.get(mx.group(1));
            } else if (ex.matches() && env.containsKey(ex.group(1)) && !env.get(ex.group(1)).contains("${{")) {
                value = env.get(ex.group(1));
            }
            if (value == null) {
                expressions.add(m.group());
                value = "\u0000" + (expressions.size() - 1) + "\u0000";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
