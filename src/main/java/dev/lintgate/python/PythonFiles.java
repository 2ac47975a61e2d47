package dev.lintgate.python;

/** PLACEHOLDER until the front-end branch lands. */
public final class PythonFiles {
    private PythonFiles() {
    }

    public static PythonFile parse(String relativePath, String moduleName, boolean isPackage, byte[] content) {
        throw new UnsupportedOperationException();
    }
}
