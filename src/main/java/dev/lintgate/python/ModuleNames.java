package dev.lintgate.python;

import java.util.List;

/**
 * Dotted module names from paths. Namespace packages are allowed, so any directory under a source root is a package;
 * the deepest root containing the file wins ("src" before ".").
 */
public final class ModuleNames {
    private ModuleNames() {
    }

    /**
     * @param relativePath file path relative to the project root, with {@code /}
     * @param srcRoots     source roots relative to the project root ("." for the root itself, "src", "lib/python")
     * @return "pkg.mod", "pkg" for {@code pkg/__init__.py}, or null when no root contains the file, it is not a
     *     {@code .py}/{@code .pyi} file, or a path segment is not an identifier
     */
    public static String moduleName(String relativePath, List<String> srcRoots) {
        String path = normalize(relativePath);
        String best = null;
        for (String root : srcRoots) {
            String r = normalize(root);
            String rest;
            if (r.isEmpty()) {
                rest = path;
            } else if (path.length() > r.length() && path.charAt(r.length()) == '/' && path.startsWith(r)) {
                rest = path.substring(r.length() + 1);
            } else {
                continue;
            }
            if (best == null || rest.length() < best.length()) {
                best = rest;
            }
        }
        return best == null ? null : fromRootRelative(best);
    }

    /** True for a stub ({@code .pyi}): read by type checkers, never run. */
    public static boolean isStub(String path) {
        return path.endsWith(".pyi");
    }

    /** True for {@code __init__.py} and {@code __init__.pyi}. */
    public static boolean isPackage(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("__init__.py") || name.equals("__init__.pyi");
    }

    static String fromRootRelative(String rest) {
        String fast = asciiModuleName(rest);
        if (fast != null) return fast.isEmpty() ? null : fast;
        return fromSegments(rest);
    }

    /** The general form of {@link #fromRootRelative}, for any path; the ASCII one must agree with it. */
    static String fromSegments(String rest) {
        String stem;
        if (rest.endsWith(".pyi")) {
            stem = rest.substring(0, rest.length() - 4);
        } else if (rest.endsWith(".py")) {
            stem = rest.substring(0, rest.length() - 3);
        } else {
            return null;
        }
        String[] parts = stem.split("/", -1);
        int count = parts.length;
        if (parts[count - 1].equals("__init__")) {
            count--;
        }
        if (count == 0) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (!isIdentifier(parts[i])) {
                return null;
            }
            if (i > 0) {
                name.append('.');
            }
            name.append(parts[i]);
        }
        return name.toString();
    }

    /**
     * The module name of an all-ASCII path in one pass over its chars ({@code ""} when it names none), or null to
     * leave the path to the general code: every file of a run goes through here, most of them at start-up.
     */
    private static String asciiModuleName(String rest) {
        int end = rest.endsWith(".py") ? rest.length() - 3 : rest.endsWith(".pyi") ? rest.length() - 4 : -1;
        if (end < 0) return "";
        int stemEnd = end;
        if (rest.startsWith("__init__", end - 8) && (end == 8 || rest.charAt(end - 9) == '/')) {
            stemEnd = end == 8 ? 0 : end - 9;
        }
        if (stemEnd == 0) return "";
        char[] name = new char[stemEnd];
        boolean segmentStart = true;
        for (int i = 0; i < stemEnd; i++) {
            char c = rest.charAt(i);
            if (c >= 0x80) return null;
            if (c == '/') {
                if (segmentStart) return "";
                name[i] = '.';
                segmentStart = true;
                continue;
            }
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(c >= '0' && c <= '9' && !segmentStart)) return "";
            name[i] = c;
            segmentStart = false;
        }
        return segmentStart ? "" : new String(name);
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int cp = s.codePointAt(0);
        if (cp != '_' && !Character.isUnicodeIdentifierStart(cp)) {
            return false;
        }
        for (int i = Character.charCount(cp); i < s.length(); i += Character.charCount(cp)) {
            cp = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        if (s.equals(".")) {
            return "";
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
