package dev.lintgate.engine;

import dev.lintgate.catalog.CodeSelectors;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.project.GitDiff;
import dev.lintgate.environment.DependencyFile;
import dev.lintgate.project.Project;
import dev.lintgate.pytest.ConfigKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code check --diff-base REF}: the findings a change since the merge base can have caused. A finding is kept when
 * any of its causes changed:
 * <ul>
 *   <li>its own line was added or changed (a file new since the base: every line);</li>
 *   <li>a related location is in a changed file (the config that leaves a marker unregistered, the runtime import
 *       that makes a TYPE_CHECKING import redundant);</li>
 *   <li>its file is governed by a changed file that governs others ({@link TargetScope#governedBy}) and its rule
 *       reads that kind of file: the lintgate settings change every finding; a pytest config or {@code conftest.py}
 *       the pytest rules (LG2xx), first-party import resolution (LG106: rootdir, {@code pythonpath}) and undefined
 *       names (LG107: what a conftest injects into builtins) in its directory and below, so a marker unregistered in
 *       {@code pytest.ini} is reported at the tests that use it although they did not change; a dependency or lock
 *       file the pytest rules (the pytest release and plugins installed) of its Python project;</li>
 *   <li>its file changed and its rule is a general one (LG0xx: syntax, unreadable file, unused suppression), whose
 *       cause is the file as a whole.</li>
 * </ul>
 * A finding none of whose causes changed (a deprecated import on a line nobody touched, in a file edited elsewhere)
 * existed before the change, and is left to a baseline or a full run.
 */
public final class ChangedSince {
    /** The rule codes (prefixes) a pytest config or conftest.py can change the findings of. */
    private static final List<String> READ_PYTEST = List.of("LG2", "LG106", "LG107");
    /** The rule codes a dependency or lock file can change the findings of: the environment's pytest and plugins. */
    private static final List<String> READ_DEPENDENCIES = List.of("LG2");

    /** A changed file that governs others: the files it governs, and which rules read it. */
    private record Cause(Set<String> governed, List<String> codes) {
        boolean covers(Finding f) {
            return governed.contains(f.location().path()) && CodeSelectors.specificity(codes, f.code()) >= 0;
        }
    }

    private ChangedSince() {
    }

    public static List<Finding> filter(Project project, GitDiff diff, List<Finding> findings) {
        List<Cause> causes = new java.util.ArrayList<>();
        for (String path : diff.changedFiles().stream().sorted().toList()) {
            if (!TargetScope.governsOthers(project, path)) continue;
            Set<String> governed = TargetScope.governedBy(project, List.of(path));
            if (project.settingsFile().filter(path::equals).isPresent()) {
                causes.add(new Cause(governed, List.of("LG")));
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.equals("conftest.py") || ConfigKind.ofFileName(name).isPresent()) {
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                Set<String> below = governed.stream().filter(f -> f.startsWith(dir)).collect(Collectors.toSet());
                causes.add(new Cause(below, READ_PYTEST));
            }
            if (DependencyFile.of(path).isPresent()) causes.add(new Cause(governed, READ_DEPENDENCIES));
        }
        return findings.stream().filter(f -> caused(f, diff, causes)).collect(Collectors.toUnmodifiableList());
    }

    private static boolean caused(Finding f, GitDiff diff, List<Cause> causes) {
        Location at = f.location();
        if (diff.changedLine(at.path(), at.region().startLine())) return true;
        if (diff.changed(at.path()) && f.code().startsWith("LG0")) return true;
        for (Related r : f.related()) {
            if (diff.changed(r.location().path())) return true;
        }
        for (Cause c : causes) if (c.covers(f)) return true;
        return false;
    }
}
