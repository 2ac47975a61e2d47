package dev.lintgate.rules.imports;

import dev.lintgate.python.Binding;
import dev.lintgate.python.PythonFile;

/** Absolute module paths for import bindings as written ("..db.Session" in package p.q gives "p.db.Session"). */
public final class ModulePaths {
    private ModulePaths() {
    }

    /** Null when a relative path climbs past the top package or the file has no module name. */
    public static String absolute(PythonFile file, String written) {
        if (written == null) {
            return null;
        }
        int level = 0;
        while (level < written.length() && written.charAt(level) == '.') {
            level++;
        }
        String rest = written.substring(level);
        if (level == 0) {
            return rest;
        }
        String module = file.moduleName();
        if (module == null) {
            return null;
        }
        String pkg = file.isPackage() ? module : module.contains(".") ? module.substring(0, module.lastIndexOf('.')) : "";
        for (int i = 1; i < level; i++) {
            if (pkg.isEmpty()) {
                return null;
            }
            pkg = pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : "";
        }
        if (pkg.isEmpty()) {
            return rest.isEmpty() ? null : rest;
        }
        return rest.isEmpty() ? pkg : pkg + "." + rest;
    }

    /** True for {@code import a.b.c} (binds "a"): a dotted read through it is already absolute. */
    public static boolean isPlainImportOfHead(Binding b) {
        String imported = b.imported();
        return imported != null && !imported.startsWith(".") && b.name().equals(head(imported));
    }

    /** The first segment of a dotted name ("a" for "a.b.c"). */
    public static String head(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }
}
