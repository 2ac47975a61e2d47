package dev.lintgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule-doc Markdown as plain text, for the SARIF fields that viewers show verbatim (fullDescription, help.text).
 * Handles what rule pages use — headings, lists, fences, code spans, links, strong emphasis — and leaves the rest.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    static String plain(String markdown) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        StringBuilder paragraph = null;
        for (String line : SourceLines.split(markdown)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                paragraph = flush(paragraph, out);
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                out.add(line.isBlank() ? "" : "    " + line);
                continue;
            }
            if (trimmed.isEmpty()) {
                paragraph = flush(paragraph, out);
                if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) out.add("");
                continue;
            }
            boolean blockStart = trimmed.startsWith("#") || trimmed.matches("([-*+]|\\d+[.)])\\s.*");
            if (paragraph != null && !blockStart) {
                // rule pages hard-wrap their paragraphs at ~120 columns; a viewer should rewrap them
                paragraph.append(' ').append(trimmed);
                continue;
            }
            paragraph = flush(paragraph, out);
            String text = trimmed.startsWith("#") ? trimmed.replaceFirst("^#+\\s*", "") : trimmed;
            paragraph = new StringBuilder(text);
        }
        flush(paragraph, out);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return String.join("\n", out);
    }

    /** At most {@code max} chars, cut after a whole word and marked with an ellipsis. */
    static String truncate(String text, int max) {
        if (text.length() <= max) return text;
        int cut = max - 1;
        if (Character.isLowSurrogate(text.charAt(cut))) cut--;
        int space = text.lastIndexOf(' ', cut);
        if (space > max / 2) cut = space;
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static StringBuilder flush(StringBuilder paragraph, List<String> out) {
        // inline markup is resolved on the joined paragraph: a code span may be wrapped across lines
        if (paragraph != null) out.add(inline(paragraph.toString()));
        return null;
    }

    private static String inline(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '`') {
                int close = s.indexOf('`', i + 1);
                if (close > i) {
                    // code spans are copied as they are: `**kwargs` or `[tool.pytest]` are code, not markup
                    out.append(s, i + 1, close);
                    i = close + 1;
                    continue;
                }
            }
            if (c == '[') {
                int mid = s.indexOf("](", i);
                int end = mid < 0 ? -1 : s.indexOf(')', mid);
                if (mid > i && end > mid) {
                    String text = inline(s.substring(i + 1, mid));
                    String url = s.substring(mid + 2, end);
                    out.append(text.equals(url) ? url : text + " (" + url + ")");
                    i = end + 1;
                    continue;
                }
            }
            if ((c == '*' || c == '_') && s.startsWith(String.valueOf(c).repeat(2), i)) {
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
