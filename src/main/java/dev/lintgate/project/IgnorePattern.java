package dev.lintgate.project;

import java.util.regex.Pattern;

/**
 * One line of a .gitignore file (or an {@code exclude} entry), compiled to a regex over paths relative to the
 * directory the pattern was written in. Follows gitignore(5): a pattern with a slash before its end is anchored,
 * otherwise it matches a name at any depth; a trailing slash matches directories only; {@code **} spans
 * directories; {@code !} re-includes.
 */
record IgnorePattern(Pattern regex, boolean negated, boolean directoryOnly) {

    /** Null for blank lines and comments. */
    static IgnorePattern parse(String line) {
        String p = trimTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) return null;
        boolean negated = false;
        if (p.startsWith("!")) {
            negated = true;
            p = p.substring(1);
        } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
            p = p.substring(1);
        }
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) p = p.substring(0, p.length() - 1);
        if (p.isEmpty()) return null;
        boolean anchored = p.contains("/");
        if (p.startsWith("/")) p = p.substring(1);
        String body = toRegex(p);
        String regex = anchored ? body : "(?:.*/)?" + body;
        return new IgnorePattern(Pattern.compile(regex), negated, dirOnly);
    }

    boolean matches(String relativePath, boolean isDirectory) {
        if (directoryOnly && !isDirectory) return false;
        return regex.matcher(relativePath).matches();
    }

    private static String trimTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) end--;
        return line.substring(0, end).replace("\\ ", " ");
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean leadingSlashOk = i == 0 || glob.charAt(i - 1) == '/';
                boolean trailingSlash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                if (leadingSlashOk && trailingSlash) {          // "**/" : zero or more directories
                    sb.append("(?:.*/)?");
                    i += 3;
                    continue;
                }
                if (leadingSlashOk && i + 2 == glob.length()) { // trailing "/**" : everything inside
                    sb.append(".*");
                    i += 2;
                    continue;
                }
                sb.append("[^/]*");                              // "**" elsewhere acts like "*"
                i += 2;
                continue;
            }
            switch (c) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        sb.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, close);
                        if (cls.startsWith("!")) cls = "^" + cls.substring(1);
                        sb.append('[').append(cls.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        // a pattern also matches everything below a matching directory
        return sb + "(?:/.*)?";
    }
}
