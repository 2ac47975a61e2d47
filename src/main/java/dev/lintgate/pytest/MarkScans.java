package dev.lintgate.pytest;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.python.PytestMarks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mark facts of the project's Python files (uses, registrations, {@code pytest_plugins}, async tests), read once
 * and shared by the marker models of every modelled pytest release: what a file says does not depend on which pytest
 * runs it.
 */
final class MarkScans {

    static final ProjectModel.Fact<MarkScans> FACT = new ProjectModel.Fact<>("pytest-markers", MarkScans::new);

    private static final PytestMarks NO_MARKS = new PytestMarks(List.of(), List.of(), false, List.of(), false, Set.of());
    // every mark use or registration needs one of these words (ASCII, so a byte scan is exact in any encoding)
    private static final Triggers MARK_WORDS = new Triggers(List.of("pytest", "addinivalue_line", "add_marker", "applymarker"));
    // what each fact of a scan needs: a mark use or add_marker call "mark", a registration "addinivalue_line", a
    // plugin list "pytest_plugins", an async test "async"
    private static final Triggers SCAN_WORDS = new Triggers(List.of("mark", "addinivalue_line", "pytest_plugins", "async"));

    private final ProjectModel project;
    private final Map<String, Optional<PytestMarks>> scans = new ConcurrentHashMap<>();
    private List<String> pyfuncCallHooks;

    private MarkScans(ProjectModel project) {
        this.project = project;
    }

    Optional<PytestMarks> marks(String path) {
        return scans.computeIfAbsent(path, this::scan);
    }

    private Optional<PytestMarks> scan(String path) {
        if (!path.endsWith(".py") && !path.endsWith(".pyi")) return Optional.empty();
        Optional<byte[]> bytes = project.bytes(path);
        if (bytes.isEmpty()) return Optional.empty();
        // most modules (unittest suites, libraries) never name pytest nor a marker call: skip tokenizing them
        if (!MARK_WORDS.foundIn(bytes.get())) return Optional.of(NO_MARKS);
        // nor do many that import pytest: without these words the scan could only find nothing
        if (!SCAN_WORDS.foundIn(bytes.get())) return Optional.of(NO_MARKS);
        // the parsed file is only needed for its imports, when pytest is imported under another name
        return Optional.of(PytestMarks.scan(() -> project.python(path).orElseThrow(), bytes.get()));
    }

    /** Conftests and plugin modules that implement {@code pytest_pyfunc_call}. */
    synchronized List<String> pyfuncCallHooks() {
        if (pyfuncCallHooks == null) {
            pyfuncCallHooks = project.pythonFiles().stream()
                    .filter(f -> f.endsWith("conftest.py") || f.substring(f.lastIndexOf('/') + 1).contains("plugin"))
                    .filter(f -> project.bytes(f).map(b -> new String(b, StandardCharsets.UTF_8).contains("def pytest_pyfunc_call")).orElse(false))
                    .toList();
        }
        return pyfuncCallHooks;
    }
}
