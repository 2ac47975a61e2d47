package dev.lintgate.python;

/**
 * Whether an import statement ever runs.
 *
 * <p>Typing-only regions: the body of {@code if C:} where C is {@code TYPE_CHECKING}, any dotted name ending in
 * {@code .TYPE_CHECKING}, a name bound by {@code from typing|typing_extensions import TYPE_CHECKING as X}, {@code False}
 * or the integer 0 (parentheses ignored), or an {@code and} with such an operand; {@code elif C:} likewise; the
 * {@code else} and later {@code elif} bodies after {@code if not C:}; everything nested inside; every {@code .pyi}.
 */
public enum ImportContext {
    /** Runs: module level, class body, function body, try/except, {@code if sys.version_info}, {@code with}. */
    RUNTIME,
    /** Never runs: under {@code if TYPE_CHECKING:} and its equivalents, or in a {@code .pyi} stub. */
    TYPING_ONLY
}
