package dev.lintgate.python;

import dev.lintgate.finding.Region;

/** A place where the file is not valid Python; analysis goes on after {@code region}. */
public record SyntaxProblem(String message, Region region) {
}
