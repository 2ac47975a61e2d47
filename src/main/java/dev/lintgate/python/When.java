package dev.lintgate.python;

/**
 * The phrases that say when code runs ("at import time", "when `A.f()` is called"). Messages of several rules end
 * in them, and NamesOracleTest reads them back to run the named function, so they are worded here only.
 */
public final class When {
    public static final String IMPORT_TIME = "at import time";
    public static final String SCRIPT = "when the module runs as a script";

    private When() {
    }

    /** {@code function} is the qualified name of a def, "A.f". */
    public static String called(String function) {
        return "when `" + function + "()` is called";
    }

    public static String lambdaCalled(int line) {
        return "when the lambda on line " + line + " is called";
    }

    public static String exceptionReaches(int exceptLine) {
        return "when an exception reaches the `except` on line " + exceptLine;
    }

    public static String caseTried(int caseLine) {
        return "when the `case` on line " + caseLine + " is tried";
    }
}
