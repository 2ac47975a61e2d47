package dev.lintgate.project;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.IniDocument;
import dev.lintgate.config.TomlDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each Python project of a repository starts: the directories whose {@code pyproject.toml},
 * {@code setup.py} or {@code setup.cfg} define a distribution. A monorepo holds several (pydantic keeps
 * {@code pydantic-core/} beside its own root); the files under a root, and not under a nested one, belong to it:
 * its dependency declarations, its lock file, its tests. The repository root is always a root, whatever it holds.
 */
public final class PackageRoots {

    public static final ProjectModel.Fact<PackageRoots> FACT = new ProjectModel.Fact<>("package roots", PackageRoots::find);

    // a pyproject.toml that is only a tool's settings file (black, ruff) defines no distribution
    private static final List<String> DISTRIBUTION_TABLES = List.of("project", "build-system", "dependency-groups");
    private static final List<String> DISTRIBUTION_TOOL_TABLES = List.of("poetry", "pdm", "uv", "hatch", "flit");

    private final List<String> roots;
    private final Map<String, TomlDocument> pyprojects;

    PackageRoots(List<String> roots) {
        this(roots, Map.of());
    }

    private PackageRoots(List<String> roots, Map<String, TomlDocument> pyprojects) {
        this.roots = List.copyOf(roots);
        this.pyprojects = pyprojects;
    }

    private static PackageRoots find(ProjectModel project) {
        Set<String> out = new TreeSet<>();
        // the pyproject.toml files of the roots, parsed here once: the environment reads their tables too
        Map<String, TomlDocument> pyprojects = new HashMap<>();
        out.add("");
        for (String f : project.files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            if (out.contains(dir)) continue;
            boolean defines = switch (name) {
                case "setup.py" -> true;
                case "pyproject.toml" -> {
                    Optional<TomlDocument> doc = parse(text(project, f));
                    doc.ifPresent(d -> pyprojects.put(f, d));
                    yield doc.map(PackageRoots::definesDistribution).orElse(false);
                }
                case "setup.cfg" -> setupCfgDefinesDistribution(text(project, f));
                default -> false;
            };
            if (defines) out.add(dir);
        }
        return new PackageRoots(new ArrayList<>(out), pyprojects);
    }

    /** The parsed pyproject.toml at a path, when this fact parsed it (a root's, that parses). */
    public Optional<TomlDocument> pyproject(String path) {
        return Optional.ofNullable(pyprojects.get(path));
    }

    private static Optional<TomlDocument> parse(String text) {
        try {
            return Optional.of(TomlDocument.parse(text));
        } catch (ConfigSyntaxException e) {
            return Optional.empty();
        }
    }

    private static String text(ProjectModel project, String path) {
        return project.bytes(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * Whether a pyproject.toml declares a distribution or its dependencies. One that does not parse (aiohttp keeps
     * a git symlink to {@code ../pyproject.toml} under {@code requirements/}, which an export leaves as a one-line
     * text file) starts nothing.
     */
    static boolean definesDistribution(String text) {
        return parse(text).map(PackageRoots::definesDistribution).orElse(false);
    }

    private static boolean definesDistribution(TomlDocument doc) {
        for (String t : DISTRIBUTION_TABLES) if (doc.table(t).isPresent()) return true;
        for (String t : DISTRIBUTION_TOOL_TABLES) if (doc.table("tool", t).isPresent()) return true;
        return false;
    }

    static boolean setupCfgDefinesDistribution(String text) {
        try {
            IniDocument doc = IniDocument.parse(text);
            return doc.section("metadata").isPresent() || doc.section("options").isPresent();
        } catch (ConfigSyntaxException e) {
            return false;
        }
    }

    /** Every root, sorted; the repository root is {@code ""}. */
    public List<String> all() {
        return roots;
    }

    /** The root of the project a file or directory belongs to: the nearest root at or above it. */
    public String rootOf(String path) {
        String best = "";
        for (String r : roots) {
            if (r.length() > best.length() && (path.equals(r) || path.startsWith(r + "/"))) best = r;
        }
        return best;
    }
}
