package dev.lintgate.python;

/** Entry point of the {@code python} package: turns file bytes into a {@link PythonFile}. */
public final class PythonFiles {
    private PythonFiles() {
    }

    /**
     * Wraps one file; nothing is decoded or scanned until a fact is asked for. Never throws on malformed content:
     * problems show up in {@link PythonFile#syntaxProblems()}.
     *
     * @param relativePath path relative to the project root, with {@code /}
     * @param moduleName   dotted module name from {@link ModuleNames#moduleName}, or null when not importable
     * @param isPackage    true for {@code __init__.py[i]} (see {@link ModuleNames#isPackage})
     */
    public static PythonFile parse(String relativePath, String moduleName, boolean isPackage, byte[] content) {
        return new ScannedFile(relativePath, moduleName, isPackage, content, null);
    }

    /**
     * Like {@link #parse(String, String, boolean, byte[])}, for a project that holds many files: once released,
     * the file keeps only its statement facts and reads its bytes again through {@code reload} when asked for more.
     */
    public static PythonFile parse(String relativePath, String moduleName, boolean isPackage, byte[] content,
                                   java.util.function.Supplier<byte[]> reload) {
        return new ScannedFile(relativePath, moduleName, isPackage, content, reload);
    }
}
