package dev.lintgate.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 508 dependency specifier: {@code name [extras] (versions | @ url) ; marker}. The marker is kept as text and
 * never evaluated (a plugin declared for some platforms is declared); versions may also be written in parentheses,
 * {@code pytest (>=6)}, as core metadata writes them.
 */
public record Requirement(String name, List<String> extras, VersionSpec versions, String url, String marker) {

    public Requirement {
        extras = List.copyOf(extras);
    }

    /** The normalised distribution name (PEP 503). */
    public String key() {
        return normalise(name);
    }

    /** PEP 503: runs of {@code -}, {@code _} and {@code .} are one {@code -}, case is ignored. */
    public static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean sep = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                sep = true;
                continue;
            }
            if (sep && b.length() > 0) b.append('-');
            sep = false;
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** Whether the text is a valid PEP 508 distribution name. */
    public static boolean isName(String s) {
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) || !Character.isLetterOrDigit(s.charAt(s.length() - 1))) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || !(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) return false;
        }
        return true;
    }

    /** Parses one specifier; empty when it is not PEP 508 (a bare URL, a path, a typo). */
    public static Optional<Requirement> parse(String text) {
        String t = text.strip();
        String marker = null;
        int semi = markerStart(t);
        if (semi >= 0) {
            marker = t.substring(semi + 1).strip();
            t = t.substring(0, semi).strip();
        }
        int i = 0;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || "-_.".indexOf(t.charAt(i)) >= 0) && t.charAt(i) < 128) i++;
        String name = t.substring(0, i);
        if (!isName(name)) return Optional.empty();
        String rest = t.substring(i).strip();
        List<String> extras = new ArrayList<>();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) return Optional.empty();
            for (String e : rest.substring(1, close).split(",")) {
                String x = e.strip();
                if (x.isEmpty()) continue;
                if (!isName(x)) return Optional.empty();
                extras.add(x);
            }
            rest = rest.substring(close + 1).strip();
        }
        if (rest.startsWith("@")) {
            String url = rest.substring(1).strip();
            if (url.isEmpty() || url.contains(" ")) return Optional.empty();
            return Optional.of(new Requirement(name, extras, VersionSpec.ANY, url, marker));
        }
        if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.substring(1, rest.length() - 1);
        String m = marker;
        return VersionSpec.pep440(rest).map(v -> new Requirement(name, extras, v, null, m));
    }

    // the ';' that starts a marker; in "name @ url ; marker" PEP 508 needs a space before it, since URLs may hold ';'
    private static int markerStart(String t) {
        int at = t.indexOf('@');
        int from = 0;
        while (true) {
            int semi = t.indexOf(';', from);
            if (semi < 0) return -1;
            if (at < 0 || semi < at || (semi > 0 && Character.isWhitespace(t.charAt(semi - 1)))) return semi;
            from = semi + 1;
        }
    }

    @Override
    public String toString() {
        String e = extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]";
        return name + e + (url != null ? " @ " + url : versions.text()) + (marker == null ? "" : "; " + marker);
    }
}
