package dev.lintgate.rules.imports;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.TomlDocument;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.CallSites;
import dev.lintgate.python.ModuleNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Modules the build writes into the source tree when the project is installed (editable installs included), so that
 * they exist wherever the code runs though no checkout holds them: a version file from the VCS tag.
 * <ul>
 *   <li>setuptools-scm: {@code [tool.setuptools_scm]} {@code write_to} (relative to its {@code root}, default the
 *       directory of pyproject.toml) and {@code version_file} (relative to that directory), or the same keys of
 *       {@code use_scm_version={...}} in setup.py;</li>
 *   <li>hatch-vcs: {@code version-file} of {@code [tool.hatch.build.hooks.vcs]} (or of a target's hooks);</li>
 *   <li>pdm-backend: {@code [tool.pdm.version]} {@code write_to}, taken relative to the project directory, to its
 *       {@code src/} and to each configured source root, since the package directory may be any of them (pdm-backend is
 *       not in the local package index, so no oracle builds it: a wider guess only keeps LG106 quieter).</li>
 * </ul>
 */
final class GeneratedModules {
    static final ProjectModel.Fact<Set<String>> FACT = new ProjectModel.Fact<>("generated modules", GeneratedModules::find);

    private static final List<String> SETUP_PY_KEYS = List.of("write_to", "version_file");

    private GeneratedModules() {
    }

    private static Set<String> find(ProjectModel project) {
        List<String> files = new ArrayList<>();
        for (String f : project.files()) {
            boolean pyproject = isNamed(f, "pyproject.toml");
            if (!pyproject && !isNamed(f, "setup.py")) continue;
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            files.addAll(pyproject ? fromPyproject(project, f, dir) : fromSetupPy(project, f, dir));
        }
        Set<String> modules = new HashSet<>();
        for (String f : files) {
            String module = ModuleNames.moduleName(f, project.config().src());
            if (module != null) modules.add(module);
        }
        return Set.copyOf(modules);
    }

    private static boolean isNamed(String path, String name) {
        return path.endsWith(name) && (path.length() == name.length() || path.charAt(path.length() - name.length() - 1) == '/');
    }

    private static List<String> fromPyproject(ProjectModel project, String path, String dir) {
        String text = project.bytes(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        // most pyproject.toml files configure none of these: no parse for them
        if (!text.contains("write_to") && !text.contains("version_file") && !text.contains("version-file")) return List.of();
        TomlDocument doc;
        try {
            doc = TomlDocument.parse(text);
        } catch (ConfigSyntaxException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        doc.table("tool", "setuptools_scm").ifPresent(scm -> {
            String root = string(scm.get("root")).orElse(".");
            string(scm.get("write_to")).ifPresent(w -> out.add(join(dir, root, w)));
            string(scm.get("version_file")).ifPresent(v -> out.add(join(dir, ".", v)));
        });
        doc.table("tool", "hatch", "build", "hooks", "vcs").flatMap(vcs -> string(vcs.get("version-file")))
                .ifPresent(v -> out.add(join(dir, ".", v)));
        doc.table("tool", "hatch", "build", "targets").ifPresent(targets -> targets.entries().values().forEach(target ->
                target.asTable().flatMap(t -> t.table("hooks")).flatMap(h -> h.table("vcs"))
                        .flatMap(vcs -> string(vcs.get("version-file"))).ifPresent(v -> out.add(join(dir, ".", v)))));
        doc.table("tool", "pdm", "version").flatMap(v -> string(v.get("write_to"))).ifPresent(w -> {
            out.add(join(dir, ".", w));
            out.add(join(dir, "src", w));
            for (String src : project.config().src()) out.add(join("", src, w));
        });
        return out;
    }

    private static Optional<String> string(Optional<TomlDocument.Node> node) {
        return node.map(TomlDocument.Node::value).filter(String.class::isInstance).map(String.class::cast);
    }

    /**
     * {@code use_scm_version={"write_to": "pkg/_version.py"}} or {@code use_scm_version=dict(write_to=...)}: string
     * values of those keys anywhere in setup.py.
     */
    private static List<String> fromSetupPy(ProjectModel project, String path, String dir) {
        byte[] bytes = project.bytes(path).orElse(new byte[0]);
        if (!new String(bytes, StandardCharsets.UTF_8).contains("use_scm_version")) return List.of();
        List<String> out = new ArrayList<>();
        for (String v : CallSites.of(bytes).stringValuesOf(SETUP_PY_KEYS)) out.add(join(dir, ".", v));
        return out;
    }

    /** {@code dir/base/relative}, normalised, relative to the project root with {@code /}; "" parts drop out. */
    private static String join(String dir, String base, String relative) {
        Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(base).resolve(relative).normalize();
        return p.toString().replace('\\', '/');
    }
}
