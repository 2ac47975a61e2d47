package dev.lintgate.engine;

import dev.lintgate.environment.DependencyFile;
import dev.lintgate.project.PackageRoots;
import dev.lintgate.project.Project;
import dev.lintgate.pytest.ConfigKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files a run reports on. A file named on the command line (or, later, changed since a diff base) stands for
 * itself, except a file that changes how other files are checked: it stands for every file it governs, so that
 * the findings an edit to it causes are reported wherever they land. pre-commit passes only the staged files, and
 * a staged {@code pytest.ini} that unregisters a marker breaks tests that are not staged.
 * <ul>
 *   <li>the run's lintgate settings: the whole project;</li>
 *   <li>a dependency or lock file (requirements, {@code pyproject.toml}, {@code setup.cfg}, {@code tox.ini},
 *       {@code poetry.lock}, ...): the Python project it belongs to ({@link PackageRoots}), since a requirements
 *       file under {@code requirements/} declares what the whole project installs;</li>
 *   <li>a pytest config or {@code conftest.py}: its directory and everything below, the tests it configures.</li>
 * </ul>
 * Every finding in those files is reported, not only the ones the edit caused: which existed before is a question
 * for a diff base, not for one run.
 */
final class TargetScope {
    private TargetScope() {
    }

    static Set<String> of(Project project) {
        Set<String> named = project.targets();
        if (named.size() == project.files().size()) return named;
        return governedBy(project, named);
    }

    /**
     * {@code paths} and every file one of them governs: the settings file stands for the whole project, a
     * dependency file for its Python project, a pytest config or conftest.py for its directory; any other file for
     * itself.
     */
    static Set<String> governedBy(Project project, java.util.Collection<String> paths) {
        Set<String> directories = new TreeSet<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            if (project.settingsFile().filter(path::equals).isPresent()) {
                return Set.copyOf(project.files());
            } else if (DependencyFile.of(path).isPresent()) {
                directories.add(project.fact(PackageRoots.FACT).rootOf(dir));
            } else if (isCause(name)) {
                directories.add(dir);
            }
        }
        Set<String> out = new HashSet<>(paths);
        if (directories.isEmpty()) return out;
        if (directories.contains("")) return Set.copyOf(project.files());
        List<String> prefixes = directories.stream().map(d -> d + "/").toList();
        for (String f : project.files()) {
            for (String p : prefixes) {
                if (f.startsWith(p)) {
                    out.add(f);
                    break;
                }
            }
        }
        return out;
    }

    /** A file named so that it changes how the tests beside and below it are checked: a pytest config or conftest.py. */
    private static boolean isCause(String name) {
        return name.equals("conftest.py") || ConfigKind.ofFileName(name).isPresent();
    }

    /** True for a file that governs other files than itself ({@link #governedBy}). */
    static boolean governsOthers(Project project, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return project.settingsFile().filter(path::equals).isPresent() || DependencyFile.of(path).isPresent() || isCause(name);
    }
}
