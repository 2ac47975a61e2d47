package dev.lintgate.python;

/** Whether an import statement ever runs. */
public enum ImportContext {
    /** Runs: module level, class body, function body, try/except, {@code if sys.version_info}, {@code with}. */
    RUNTIME,
    /** Never runs: under {@code if TYPE_CHECKING:} and its equivalents, or in a {@code .pyi} stub. */
    TYPING_ONLY
}
