package dev.lintgate.project;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.IniDocument;
import dev.lintgate.config.TomlDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    PackageRoots(List<String> roots) {
        this.roots = List.copyOf(roots);
    }

    private static PackageRoots find(ProjectModel project) {
        Set<String> out = new TreeSet<>();
        out.add("");
        for (String f : project.files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            if (out.contains(dir)) continue;
            boolean defines = switch (name) {
                case "setup.py" -> true;
                case "pyproject.toml" -> definesDistribution(text(project, f));
                case "setup.cfg" -> setupCfgDefinesDistribution(text(project, f));
                default -> false;
            };
            if (defines) out.add(dir);
        }
        return new PackageRoots(new ArrayList<>(out));
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
        try {
            TomlDocument doc = TomlDocument.parse(text);
            for (String t : DISTRIBUTION_TABLES) if (doc.table(t).isPresent()) return true;
            for (String t : DISTRIBUTION_TOOL_TABLES) if (doc.table("tool", t).isPresent()) return true;
            return false;
        } catch (ConfigSyntaxException e) {
            return false;
        }
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
