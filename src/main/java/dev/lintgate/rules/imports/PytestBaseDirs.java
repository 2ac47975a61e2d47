package dev.lintgate.rules.imports;

import dev.lintgate.project.ProjectModel;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory pytest puts on sys.path for a module it imports by path (a test module, a conftest.py) in its default
 * import modes, prepend and append: the parent of the outermost package holding the file, i.e. the first directory
 * upwards without {@code __init__.py} (pytest's {@code resolve_package_path}). When that directory is not one of the
 * source roots and holds a module or package of the same top-level name as a first-party one (a nested project's
 * {@code service/tests} beside the root's {@code tests}), an import of that name from the file means whichever of the
 * two the run imported first: lintgate cannot tell, and does not check the import.
 */
final class PytestBaseDirs {
    static final ProjectModel.Fact<PytestBaseDirs> FACT = new ProjectModel.Fact<>("pytest base dirs", PytestBaseDirs::new);

    private final ProjectModel project;
    /** The source roots as directories ("" for the root): a base directory that is one shadows nothing. */
    private final Set<String> sourceRoots = new HashSet<>();
    /** Directory ("" for the root) to its pytest base directory. */
    private final Map<String, String> baseDirs = new ConcurrentHashMap<>();
    /** "base/name" to whether a module or package of that name is there. */
    private final Map<String, Boolean> holds = new ConcurrentHashMap<>();

    private PytestBaseDirs(ProjectModel project) {
        this.project = project;
        for (String root : project.config().src()) sourceRoots.add(normalize(root));
    }

    /** Whether an import of top-level {@code head} from {@code file} may mean a package in the file's base directory. */
    boolean shadows(String file, String head) {
        int slash = file.lastIndexOf('/');
        String dir = slash < 0 ? "" : file.substring(0, slash);
        String base = baseDirs.get(dir);
        if (base == null) base = baseDirs.computeIfAbsent(dir, this::baseDir);
        if (sourceRoots.contains(base)) return false;
        String prefix = base.isEmpty() ? "" : base + "/";
        return holds.computeIfAbsent(prefix + head, k -> Files.exists(project.absolute(k + ".py"))
                || Files.exists(project.absolute(k + ".pyi")) || Files.isDirectory(project.absolute(k)));
    }

    private String baseDir(String dir) {
        String d = dir;
        while (!d.isEmpty() && Files.exists(project.absolute(d + "/__init__.py"))) {
            d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "";
        }
        return d;
    }

    private static String normalize(String root) {
        String r = root.replace('\\', '/');
        while (r.startsWith("./")) r = r.substring(2);
        while (r.endsWith("/")) r = r.substring(0, r.length() - 1);
        return r.equals(".") ? "" : r;
    }
}
