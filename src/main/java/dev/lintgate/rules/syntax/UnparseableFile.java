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
    public boolean reportsSyntaxProblems() {
        return true;
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        List<SyntaxProblem> problems = file.syntaxProblems();
        if (problems.isEmpty()) {
            return;
        }
        sink.report(new Location(file.path(), problems.get(0).region()),
                "Syntax error: " + SyntaxProblem.summary(problems) + "; the rest of the file was still checked.",
                "Fix the syntax error; Python cannot import this file.", "syntax", List.of(), null);
    }
}
