package dev.lintgate.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pytest commands read from a repository that defines them in every way lintgate reads
 * ({@code testdata/commands/repo}: Makefile, tox.ini, noxfile.py, a workflow with a matrix, env, working
 * directories, a CodSpeed step, a second checkout and a script, a composite action, pre-commit hooks, a shell
 * script with a loop, a subshell and a here-document). Unknown words are shown as {@code <*$X>} (any number of
 * words) or {@code <1$X>} (one word).
 */
class RepositoryCommandsTest {

    @Test
    void everyPytestCommandWithItsDirectoryWordsAndEnvironment() throws Exception {
        Path root = Path.of("testdata/commands/repo").toAbsolutePath();
        Project project = new ProjectLoader(root, root).load(List.of("."), null, false);
        TreeSet<String> actual = new TreeSet<>();
        for (CommandLine c : project.fact(RepositoryCommands.FACT).commands()) {
            if (c.notUnderstood() != null) {
                actual.add(c.source() + " not understood: " + c.notUnderstood());
                continue;
            }
            Program p = Program.of(c.words());
            if (p.kind() != Program.Kind.PYTEST && p.kind() != Program.Kind.UNKNOWN) continue;
            String addopts = c.env().containsKey("PYTEST_ADDOPTS") ? " PYTEST_ADDOPTS=" + c.env().get("PYTEST_ADDOPTS") : "";
            actual.add(c.source() + " in '" + c.cwd() + "': " + shown(p.args()) + addopts);
        }
        TreeSet<String> expected = new TreeSet<>(List.of(
                ".github/actions/setup/action.yml:7 in '': [--version]",
                ".github/workflows/ci.yml:23 in '': [tests] [-k] [not slow] [--timeout] [60] PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:23 in '': [integration] [-k] [not slow] [--timeout] [60] PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:23 in '': [docs] [-k] [not slow] [--timeout] [60] PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:25 in 'services/api': [-q] PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:31 in 'services/api': [tests] [-m] [fast] PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:35 in '': [tests/benchmarks] [--codspeed] PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:37 in '': <*${{ inputs.paths }}> PYTEST_ADDOPTS=--color=yes",
                ".github/workflows/ci.yml:50 in '': [tests] PYTEST_ADDOPTS=--color=yes",
                ".pre-commit-config.yaml:4 in '': [tests] [-x]",
                ".pre-commit-config.yaml:9 in '': <*<staged files>>",
                "Makefile:13 in '': [tests] [-n] [4] [--cov=src] [--cov-report] [term]",
                "Makefile:15 in 'services/api': [-q]",
                "Makefile:18 in '': [docs] <*$(FLAKY)>",
                "Makefile:20 in '': <*$(shell git diff --name-only)>",
                "noxfile.py:7 in '': [tests]",
                "noxfile.py:13 in 'services/api': [-q]",
                "noxfile.py:19 not understood: the command is built at run time (`*cmd`)",
                "scripts/test.sh:5 in '': <1\"$suite\"> PYTEST_ADDOPTS=-p no:cacheprovider",
                "scripts/test.sh:7 in 'services/api': [] PYTEST_ADDOPTS=-p no:cacheprovider",
                "scripts/test.sh:8 in '': [tests] <*\"$@\"> PYTEST_ADDOPTS=-p no:cacheprovider",
                "scripts/test.sh:10 not understood: a here-document that mentions pytest",
                "tox.ini:12 in '': [tests] [-m] [not slow] PYTEST_ADDOPTS=--timeout 30",
                "tox.ini:13 in '': [integration] <*{env:EXTRA}> PYTEST_ADDOPTS=--timeout 30",
                "tox.ini:14 in '': [docs] <*{env:CI_ARGS:}> PYTEST_ADDOPTS=--timeout 30",
                "tox.ini:18 in 'services/api': [../../integration] [--maxfail] [1] PYTEST_ADDOPTS=--timeout 30"));
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static String shown(List<String> words) {
        if (words.isEmpty()) return "[]";
        return String.join(" ", words.stream().map(w -> Words.isUnknown(w)
                ? (Words.mayBeSeveral(w) ? "<*" : "<1") + Words.spelling(w) + ">" : "[" + w + "]").toList());
    }
}
