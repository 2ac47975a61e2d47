package dev.lintgate.project;

import dev.lintgate.config.LintgateConfig;
import dev.lintgate.python.PythonFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The project as rules see it: its root, its settings, every file lintgate walked (honouring .gitignore and
 * excludes), and facts that several rules share, computed once.
 */
public interface ProjectModel {

    Path root();

    LintgateConfig config();

    /** Every walked file, relative to the root with {@code /}, sorted. Includes config files, not only Python. */
    List<String> files();

    /** The walked {@code .py} and {@code .pyi} files, sorted. */
    List<String> pythonFiles();

    /** The dotted name of every walked module under the {@code src} roots (a module and its stub give one name). */
    Set<String> moduleNames();

    /**
     * The files named on the command line, or every file when the run covers the root. The engine reports on these
     * and on the files a named config governs ({@code TargetScope}).
     */
    Set<String> targets();

    /**
     * Whether the run reports findings in this file: a target, or a file a named config governs (the engine's
     * target scope). Findings elsewhere are dropped, so a rule that judges files one by one may skip the others:
     * with the five files of a pre-commit hook, five modules instead of every test module of the repository.
     */
    boolean reportsOn(String relativePath);

    /** The file's parsed form, cached; empty when it is not a Python file or cannot be read. */
    Optional<PythonFile> python(String relativePath);

    /** The Python file that defines a first-party module ("pkg.mod" to "pkg/mod.py" or "pkg/mod/__init__.py"). */
    Optional<String> moduleFile(String moduleName);

    /**
     * The stub beside the source of a first-party module ("pkg/mod.pyi" next to "pkg/mod.py"), which type checkers
     * read instead of the source; empty when the module has no source or no stub beside it.
     */
    Optional<String> stubFile(String moduleName);

    /** The raw bytes of a project file (cached briefly); empty when it cannot be read. */
    Optional<byte[]> bytes(String relativePath);

    Path absolute(String relativePath);

    /**
     * A fact computed once per run and shared by rules (the deprecation index, the pytest configuration model).
     * Facts may depend on other facts but not on themselves.
     */
    <T> T fact(Fact<T> fact);

    /** A named, lazily computed project-wide fact. Identity is the instance: declare each as a constant. */
    record Fact<T>(String name, Function<ProjectModel, T> compute) {
        // equals and hashCode written out, as the generated ones compute them: a record's generated methods are
        // linked through method handles at their first call, generating classes no class-data archive holds (about
        // 20 ms of a one-file run for the first record type, several ms for each next); a fact is hashed in every run
        @Override
        public boolean equals(Object o) {
            return o instanceof Fact<?> f && name.equals(f.name) && compute.equals(f.compute);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + compute.hashCode();
        }
    }
}
