package dev.lintgate.environment;

import dev.lintgate.config.TomlDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency tables of a {@code pyproject.toml}: PEP 621 {@code [project] dependencies} and
 * {@code optional-dependencies}, PEP 735 {@code [dependency-groups]} ({@code {include-group = ...}} items add
 * nothing new, since every group counts), Poetry's {@code [tool.poetry.dependencies]},
 * {@code [tool.poetry.dev-dependencies]} and {@code [tool.poetry.group.*.dependencies]}, PDM's
 * {@code [tool.pdm.dev-dependencies]}, uv's {@code [tool.uv] dev-dependencies} and
 * {@code constraint-dependencies}, Hatch's environments' {@code dependencies} and {@code extra-dependencies}, and
 * the requirements files that setuptools' {@code [tool.setuptools.dynamic]} or Hatch's {@code requirements_txt}
 * hook name. {@code dynamic} dependencies computed any other way are unreadable.
 */
final class PyprojectReader {
    private PyprojectReader() {
    }

    static void read(TomlDocument doc, FileDeclarations out) {
        Optional<TomlDocument.Table> project = doc.table("project");
        project.flatMap(p -> p.get("dependencies")).ifPresent(n -> strings(n, out));
        project.flatMap(p -> p.table("optional-dependencies")).ifPresent(t -> t.entries().values().forEach(n -> strings(n, out)));
        doc.table("dependency-groups").ifPresent(t -> t.entries().values().forEach(n -> strings(n, out)));
        Optional<TomlDocument.Table> poetry = doc.table("tool", "poetry");
        poetry.flatMap(p -> p.table("dependencies")).ifPresent(t -> poetryTable(t, out));
        poetry.flatMap(p -> p.table("dev-dependencies")).ifPresent(t -> poetryTable(t, out));
        poetry.flatMap(p -> p.table("group")).ifPresent(groups -> groups.entries().values().forEach(g ->
                g.asTable().flatMap(x -> x.table("dependencies")).ifPresent(t -> poetryTable(t, out))));
        doc.table("tool", "pdm", "dev-dependencies").ifPresent(t -> t.entries().values().forEach(n -> strings(n, out)));
        Optional<TomlDocument.Table> uv = doc.table("tool", "uv");
        uv.flatMap(u -> u.get("dev-dependencies")).ifPresent(n -> strings(n, out));
        uv.flatMap(u -> u.get("constraint-dependencies")).ifPresent(n -> strings(n, out));
        uv.flatMap(u -> u.table("workspace")).ifPresent(w -> {
            w.get("members").ifPresent(n -> eachString(n, (s, line) -> out.workspaceMembers.add(s)));
            w.get("exclude").ifPresent(n -> eachString(n, (s, line) -> out.workspaceExcludes.add(s)));
        });
        doc.table("tool", "hatch", "envs").ifPresent(envs -> envs.entries().values().forEach(e -> e.asTable().ifPresent(env -> {
            env.get("dependencies").ifPresent(n -> strings(n, out));
            env.get("extra-dependencies").ifPresent(n -> strings(n, out));
        })));
        dynamic(doc, project, poetry.isPresent(), out);
        project.flatMap(p -> p.table("entry-points")).flatMap(t -> t.get("pytest11"))
                .ifPresent(n -> out.pytestEntryPoints.add(out.path + ":" + n.region().startLine()));
        poetry.flatMap(p -> p.table("plugins")).flatMap(t -> t.get("pytest11"))
                .ifPresent(n -> out.pytestEntryPoints.add(out.path + ":" + n.region().startLine()));
    }

    private static void dynamic(TomlDocument doc, Optional<TomlDocument.Table> project, boolean poetry, FileDeclarations out) {
        Optional<TomlDocument.Node> dynamic = project.flatMap(p -> p.get("dynamic"));
        if (dynamic.isEmpty() || !(dynamic.get().value() instanceof List<?> fields)) return;
        Optional<TomlDocument.Table> setuptools = doc.table("tool", "setuptools", "dynamic");
        Optional<TomlDocument.Table> hatchHook = doc.table("tool", "hatch", "metadata", "hooks", "requirements_txt");
        for (Object o : fields) {
            TomlDocument.Node field = (TomlDocument.Node) o;
            if (!"dependencies".equals(field.value()) && !"optional-dependencies".equals(field.value())) continue;
            boolean optional = "optional-dependencies".equals(field.value());
            int line = field.region().startLine();
            if (poetry) continue; // Poetry 2 fills dynamic dependencies from [tool.poetry.*], read above
            if (setuptools.isPresent() && setuptools.get().get((String) field.value()).isPresent()) {
                TomlDocument.Node spec = setuptools.get().get((String) field.value()).get();
                if (optional) {
                    spec.asTable().ifPresent(t -> t.entries().values().forEach(n -> files(n, out)));
                } else {
                    files(spec, out);
                }
            } else if (hatchHook.isPresent()) {
                hatchHook.get().get(optional ? "optional-dependencies" : "files").ifPresent(n -> {
                    if (optional) n.asTable().ifPresent(t -> t.entries().values().forEach(x -> eachString(x, (s, l) -> include(s, l, out))));
                    else eachString(n, (s, l) -> include(s, l, out));
                });
            } else {
                out.unreadable(line, field.value() + " are dynamic: the build backend computes them");
            }
        }
    }

    // setuptools: {file = "requirements.txt"} or {file = ["a.txt", "b.txt"]}
    private static void files(TomlDocument.Node spec, FileDeclarations out) {
        Optional<TomlDocument.Node> file = spec.asTable().flatMap(t -> t.get("file"));
        if (file.isEmpty()) {
            out.unreadable(spec.region().startLine(), "dynamic dependencies lintgate cannot read");
            return;
        }
        eachString(file.get(), (s, line) -> include(s, line, out));
    }

    private static void include(String file, int line, FileDeclarations out) {
        String dir = out.path.contains("/") ? out.path.substring(0, out.path.lastIndexOf('/')) : "";
        out.includes.add(new RequirementsFile.Include(RequirementsFile.resolve(dir, file), false, line));
    }

    /** A list of PEP 508 strings; tables in it ({@code include-group}) add nothing here. */
    private static void strings(TomlDocument.Node node, FileDeclarations out) {
        if (!(node.value() instanceof List<?> items)) return;
        for (Object o : items) {
            TomlDocument.Node item = (TomlDocument.Node) o;
            if (!(item.value() instanceof String s)) continue;
            String text = s.strip();
            // PDM writes editable installs as "-e path#egg=name"
            if (text.startsWith("-e ")) text = text.substring(3).strip();
            out.pep508(text, item.region().startLine());
        }
    }

    private interface StringAt {
        void accept(String s, int line);
    }

    private static void eachString(TomlDocument.Node node, StringAt f) {
        if (node.value() instanceof String s) {
            f.accept(s, node.region().startLine());
        } else if (node.value() instanceof List<?> items) {
            for (Object o : items) {
                TomlDocument.Node item = (TomlDocument.Node) o;
                if (item.value() instanceof String s) f.accept(s, item.region().startLine());
            }
        }
    }

    /**
     * A Poetry dependency table: {@code name = "^1.2"}, {@code name = {version = "...", extras = [...]}},
     * {@code name = {git|path|url = ...}} (any version), or a list of such tables (one per platform or Python).
     */
    static void poetryTable(TomlDocument.Table table, FileDeclarations out) {
        for (Map.Entry<String, TomlDocument.Node> e : table.entries().entrySet()) {
            String name = e.getKey();
            if (name.equalsIgnoreCase("python")) continue;
            int line = e.getValue().region().startLine();
            if (!Requirement.isName(name)) {
                out.unreadable(line, "`" + name + "` is not a distribution name");
                continue;
            }
            Object v = e.getValue().value();
            if (v instanceof List<?> alternatives) {
                for (Object o : alternatives) poetryValue(name, ((TomlDocument.Node) o).value(), line, out);
            } else {
                poetryValue(name, v, line, out);
            }
        }
    }

    private static void poetryValue(String name, Object value, int line, FileDeclarations out) {
        String constraint = "*";
        if (value instanceof String s) {
            constraint = s;
        } else if (value instanceof TomlDocument.Table t) {
            Optional<TomlDocument.Node> version = t.get("version");
            if (version.isPresent() && version.get().value() instanceof String s) constraint = s;
        }
        // a constraint lintgate cannot read still declares the distribution; it then says nothing of its versions
        VersionSpec spec = VersionSpec.poetry(constraint).orElse(VersionSpec.ANY);
        String text = name + (spec.isAny() ? "" : " " + constraint);
        out.declarations.add(new Declaration(Requirement.normalise(name), spec, text, out.path, line, Declaration.Kind.REQUIREMENT));
    }
}
