package dev.lintgate.report;

import dev.lintgate.finding.Region;
import java.util.List;
import java.util.Optional;

/**
 * The first line of a region as a terminal shows it, and where the carets go under it. Regions count code points;
 * terminals count cells, so tabs expand to tab stops, wide characters take two cells and combining marks none.
 */
record CodeFrame(int lineNumber, String text, int caretOffset, int caretWidth) {

    static final int TAB_STOP = 4;

    /** A line longer than this many code points is shown in part: the region with {@link #CONTEXT} on each side. */
    static final int LONGEST_SHOWN = 320;
    static final int CONTEXT = 100;

    static Optional<CodeFrame> of(List<String> lines, Region region) {
        return of(lines, region, new LineCache());
    }

    /**
     * The code points of the last line framed: findings arrive sorted by line, and a generated line of 40,000 chars
     * with 5,000 findings on it was walked once per finding (and printed whole each time: 250 MB of text).
     */
    static final class LineCache {
        private String line;
        private int[] starts;

        /** Where each code point of the line starts, and the line's length at the end. */
        int[] starts(String source) {
            if (source != line) {
                int[] out = new int[source.length() + 1];
                int n = 0;
                for (int i = 0; i < source.length(); i += Character.charCount(source.codePointAt(i))) out[n++] = i;
                out[n++] = source.length();
                line = source;
                starts = java.util.Arrays.copyOf(out, n);
            }
            return starts;
        }
    }

    static Optional<CodeFrame> of(List<String> lines, Region region, LineCache cache) {
        int line = region.startLine();
        if (line > lines.size()) return Optional.empty();
        String source = lines.get(line - 1);
        int[] starts = cache.starts(source);
        int length = starts.length - 1;

        int start = Math.min(region.startColumn(), length + 1);
        int end = region.endLine() > line ? length + 1 : Math.min(region.endColumn(), length + 1);
        if (region.equals(Region.line(line))) {
            // Region.line means "this line, length unknown": underline its content, not one column
            start = firstNonBlank(source);
            end = Math.max(start, lastNonBlank(source) + 1);
        }
        end = Math.max(end, start);

        // columns [from, to) are shown; a long line only around the region, its cut ends marked
        int from = 1;
        int to = length + 1;
        if (length > LONGEST_SHOWN) {
            from = Math.max(1, start - CONTEXT);
            to = Math.min(length + 1, Math.max(end, start + 1) + CONTEXT);
            to = Math.min(to, from + LONGEST_SHOWN);
        }
        StringBuilder text = new StringBuilder((to - from) + 8);
        // cellStart[c - from] is the cell where column c begins; column to is the end of what is shown
        int[] cellStart = new int[to - from + 1];
        int cells = 0;
        if (from > 1) {
            text.append('\u2026');
            cells = 1;
        }
        for (int column = from; column < to; column++) {
            int cp = source.codePointAt(starts[column - 1]);
            cellStart[column - from] = cells;
            cells += render(cp, cells, text);
        }
        cellStart[to - from] = cells;
        if (to <= length) text.append('\u2026');

        int offset = cellStart[Math.min(start, to) - from];
        int width = Math.max(1, cellStart[Math.min(end, to) - from] - offset);
        // trailing blanks are invisible in a terminal and get stripped from pasted output and snapshots alike
        return Optional.of(new CodeFrame(line, text.toString().stripTrailing(), offset, width));
    }

    private static int render(int cp, int cell, StringBuilder out) {
        if (cp == '\t') {
            int width = TAB_STOP - cell % TAB_STOP;
            out.append(" ".repeat(width));
            return width;
        }
        // raw control and bidi characters would move the cursor or reorder the line ("Trojan Source"), so the
        // frame shows a visible stand-in instead
        if (Printable.needsStandIn(cp)) {
            String shown = Printable.standIn(cp);
            out.append(shown);
            return shown.length();
        }
        out.appendCodePoint(cp);
        return cellWidth(cp);
    }



    /** Terminal cells of one code point: an approximation of wcwidth good for code (no emoji sequences). */
    static int cellWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f)
                || (cp >= 0x2e80 && cp <= 0x303e)
                || (cp >= 0x3041 && cp <= 0x33ff)
                || (cp >= 0x3400 && cp <= 0x4dbf)
                || (cp >= 0x4e00 && cp <= 0x9fff)
                || (cp >= 0xa000 && cp <= 0xa4cf)
                || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff)
                || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x1f300 && cp <= 0x1f64f)
                || (cp >= 0x1f680 && cp <= 0x1f6ff)
                || (cp >= 0x1f900 && cp <= 0x1f9ff)
                || (cp >= 0x1fa70 && cp <= 0x1faff)
                || (cp >= 0x20000 && cp <= 0x2fffd)
                || (cp >= 0x30000 && cp <= 0x3fffd);
    }

    private static int firstNonBlank(String s) {
        int column = 1;
        for (int i = 0; i < s.length(); column++) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp)) return column;
            i += Character.charCount(cp);
        }
        return 1;
    }

    /** Column of the last non-blank code point, 0 for a blank line. */
    private static int lastNonBlank(String s) {
        int column = 0;
        int last = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            column++;
            if (!Character.isWhitespace(cp)) last = column;
            i += Character.charCount(cp);
        }
        return last;
    }
}
