package dev.lintgate.rules.syntax;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.SyntaxProblem;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Set;

/** LG001: a Python file CPython would refuse to compile; reported once, at the first problem. */
public final class UnparseableFile implements FileRule {

    @Override
    public String code() {
        return "LG001";
    }

    @Override
    public Set<String> triggers(ProjectModel project) {
        return Set.of();
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        List<SyntaxProblem> problems = file.syntaxProblems();
        if (problems.isEmpty()) {
            return;
        }
        // later errors mostly cascade from the first, as in CPython, which reports only that one
        SyntaxProblem first = problems.get(0);
        String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
        sink.report(new Location(file.path(), first.region()),
                "Syntax error: " + first.message() + more + "; the rest of the file was still checked.",
                "Fix the syntax error; Python cannot import this file.", "syntax", List.of(), null);
    }
}
