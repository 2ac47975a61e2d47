package dev.lintgate.python;

import java.util.List;

/** PLACEHOLDER until the front-end branch lands. */
public final class ModuleNames {
    private ModuleNames() {
    }

    public static String moduleName(String relativePath, List<String> srcRoots) {
        return null;
    }

    public static boolean isPackage(String relativePath) {
        return relativePath.endsWith("/__init__.py") || relativePath.equals("__init__.py");
    }
}
