package dev.lintgate.python;

import dev.lintgate.finding.Region;

/** A place where the file is not valid Python; analysis goes on after {@code region}. */
public record SyntaxProblem(String message, Region region) {

    /**
     * The first problem's message, with how many follow: later errors mostly cascade from the first, and CPython
     * reports only that one. Empty list: "".
     */
    public static String summary(java.util.List<SyntaxProblem> problems) {
        if (problems.isEmpty()) return "";
        int all = problems.size();
        return problems.get(0).message() + (all == 1 ? "" : " (the first of " + all + " syntax errors)");
    }
}
