package dev.lintgate.python;

import java.util.List;

/**
 * Code that runs while warnings are caught (the callee's last segment is one of {@code catch_warnings},
 * {@code deprecated_call}, {@code warns}, {@code assertWarns}, {@code assertWarnsRegex}): the body of {@code with warnings.catch_warnings():},
 * {@code with pytest.deprecated_call():}, {@code with pytest.warns(C):} or {@code with self.assertWarns(C):}, and a
 * statement that calls a function through one of them ({@code pytest.warns(C, f, 1)}, {@code pytest.deprecated_call(f)}).
 * The names are as written, resolved by whoever reads them.
 *
 * @param callee     the context manager or function as written ("pytest.warns", "warnings.catch_warnings")
 * @param categories the expected warning classes as written: the first argument's dotted name, or each of a tuple's;
 *                   {@link #UNKNOWN} for anything else (a variable is fine, a call is not); empty when there is none
 * @param firstLine  the line of the {@code with} (or of the statement)
 * @param lastLine   the last line of its body (of the statement)
 */
public record WarningBlock(String callee, List<String> categories, int firstLine, int lastLine) {
    /** A category argument that is not a dotted name: which class it is cannot be known without running it. */
    public static final String UNKNOWN = "<expr>";

    public WarningBlock {
        categories = List.copyOf(categories);
    }

    public boolean covers(int line) {
        return line >= firstLine && line <= lastLine;
    }
}
