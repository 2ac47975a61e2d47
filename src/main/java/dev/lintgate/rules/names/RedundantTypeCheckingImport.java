package dev.lintgate.rules.names;

import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.Binding;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.ImportEdits;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import dev.lintgate.rules.FindingSink;
import java.util.List;

/**
 * LG108: the same import under TYPE_CHECKING and unconditionally at runtime in one scope. Only an identical import
 * counts: {@code import a.b} at runtime does not make {@code import a.c} redundant, although both bind {@code a}.
 */
public final class RedundantTypeCheckingImport implements TypingOnlyRule {

    @Override
    public String code() {
        return "LG108";
    }

    /** In a stub every import is typing-only: none is redundant. */
    @Override
    public boolean checksStubs() {
        return false;
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        if (!TypingOnlyRule.hasTypingOnlyBinding(file.names())) {
            return;
        }
        for (Scope scope : file.names().scopes()) {
            for (String name : scope.boundNames()) {
                List<Binding> all = scope.bindings(name);
                if (all.size() < 2) {
                    continue;
                }
                for (Binding typing : all) {
                    if (!typing.typingOnly() || typing.kind() != Binding.Kind.IMPORT) {
                        continue;
                    }
                    // a conditional runtime import (try/except ImportError, if sys.version_info) may not happen,
                    // and the TYPE_CHECKING import then tells the checker which one to assume
                    all.stream().filter(b -> !b.typingOnly() && !b.conditional() && b.kind() == Binding.Kind.IMPORT
                                    && b.imported().equals(typing.imported()) && !inFunction(file, scope, b))
                            .findFirst()
                            .ifPresent(runtime -> report(file, sink, name, typing, runtime));
                }
            }
        }
    }

    /**
     * A module binding made by an import in a function that declares the name {@code global} (sqlalchemy imports late
     * in {@code __go()} to break an import cycle) exists only once the function has run, and type checkers do not
     * see it there: the TYPE_CHECKING import is what they know the name by.
     */
    private static boolean inFunction(PythonFile file, Scope scope, Binding runtime) {
        if (scope.kind() != Scope.Kind.MODULE) return false;
        for (ImportBinding b : file.imports()) {
            if (b.inFunction() && b.boundName().equals(runtime.name()) && b.region().startLine() == runtime.line()) return true;
        }
        return false;
    }

    private static void report(PythonFile file, FindingSink sink, String name, Binding typing, Binding runtime) {
        // the statement's facts give the name's own region, and whether the statement imports more than this name
        ImportBinding statement = null;
        int siblings = 0;
        for (ImportBinding b : file.imports()) {
            if (!b.isRuntime() && b.boundName().equals(name) && b.region().startLine() == typing.line()) statement = b;
        }
        if (statement != null) {
            for (ImportBinding b : file.imports()) {
                if (b.statementLine() == statement.statementLine() && b.scope().equals(statement.scope())) siblings++;
            }
        }
        Region region = statement != null ? statement.region() : Region.line(typing.line());
        String fix = siblings > 1 ? "Remove `" + name + "` from the import under TYPE_CHECKING."
                : "Delete the import under TYPE_CHECKING.";
        // one removal per file and pass: two deletions that each see the other left in the block could empty it
        boolean alone = siblings == 1;
        Fix removal = statement == null ? null : ImportEdits.removal(file, statement, alone)
                .map(edits -> Fix.safe(file.path(), !alone ? "Remove `" + name + "` from the import" : "Delete the import", edits)
                        .isolatedBy("LG108 " + file.path()))
                .orElse(null);
        sink.report(new Location(file.path(), region),
                "`" + name + "` is imported both under TYPE_CHECKING and at runtime (line " + runtime.line()
                        + "); the TYPE_CHECKING import is dead.",
                fix, name, List.of(new Related(new Location(file.path(), Region.line(runtime.line())), "runtime import")),
                null, removal);
    }
}
