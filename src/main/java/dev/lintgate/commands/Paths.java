package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.List;

/** Directories as commands name them, relative to the repository root ("" the root, "../x" beside it). */
final class Paths {
    private Paths() {
    }

    /**
     * {@code arg} taken from {@code cwd} and normalised lexically, as {@code cd} and {@code os.path.abspath} do;
     * null for an absolute path, which lintgate cannot place.
     */
    static String resolve(String cwd, String arg) {
        if (arg.startsWith("/") || arg.startsWith("~")) return null;
        List<String> parts = new ArrayList<>();
        for (String p : (cwd.isEmpty() ? arg : cwd + "/" + arg).split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    /** Whether the directory is outside the repository ("../x"). */
    static boolean outside(String dir) {
        return dir.equals("..") || dir.startsWith("../");
    }
}
