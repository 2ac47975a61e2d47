package dev.lintgate.report;

import java.util.Locale;

/**
 * Text from checked files (a file name, a marker, a config value) as a terminal or a CI log may show it. A raw control
 * character would drive the terminal (ESC starts a sequence, and so does the one-char CSI U+009B; CR rewrites the
 * line, U+0085 breaks it) and a bidi control reorders the line ("Trojan Source"), so each is shown by a visible
 * stand-in: C0 controls and DEL by their Control Pictures ({@code ␛}), C1 and bidi controls as {@code <U+009B>}.
 */
public final class Printable {
    private Printable() {
    }

    /** One line of text with every control and bidi character replaced by its stand-in. */
    public static String line(String text) {
        return replace(text, false);
    }

    /** Like {@link #line} but keeps line feeds: for multi-line output (lintgate pytest-config's text). */
    public static String lines(String text) {
        return replace(text, true);
    }

    private static String replace(String text, boolean keepLineFeeds) {
        // the common case first, printable ASCII, on one range check per char: every report line passes here
        int n = text.length();
        int first = 0;
        while (first < n) {
            char c = text.charAt(first);
            if ((c < 0x20 || c >= 0x7f) && needsStandIn(c) && !(keepLineFeeds && c == '\n')) break;
            first++;
        }
        if (first == n) return text;
        // char by char: every char that needs a stand-in is in the BMP, and no surrogate does
        StringBuilder out = new StringBuilder(n + 8).append(text, 0, first);
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            if (needsStandIn(c) && !(keepLineFeeds && c == '\n')) out.append(standIn(c));
            else out.append(c);
        }
        return out.toString();
    }

    /** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
    static boolean needsStandIn(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static String standIn(int cp) {
        if (cp < 0x20) return String.valueOf((char) (0x2400 + cp));
        if (cp == 0x7f) return "\u2421";
        return String.format(Locale.ROOT, "<U+%04X>", cp);
    }
}
