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

    static Optional<CodeFrame> of(List<String> lines, Region region) {
        int line = region.startLine();
        if (line > lines.size()) return Optional.empty();
        String source = lines.get(line - 1);
        int length = source.codePointCount(0, source.length());

        StringBuilder text = new StringBuilder(source.length() + 8);
        // cellStart[c] is the cell where column c begins; column length+1 is the end of the line
        int[] cellStart = new int[length + 2];
        int cells = 0;
        int column = 1;
        for (int i = 0; i < source.length(); column++) {
            int cp = source.codePointAt(i);
            i += Character.charCount(cp);
            cellStart[column] = cells;
            cells += render(cp, cells, text);
        }
        cellStart[length + 1] = cells;

        int start = Math.min(region.startColumn(), length + 1);
        int end = region.endLine() > line ? length + 1 : Math.min(region.endColumn(), length + 1);
        if (region.equals(Region.line(line))) {
            // Region.line means "this line, length unknown": underline its content, not one column
            start = firstNonBlank(source);
            end = Math.max(start, lastNonBlank(source) + 1);
        }
        end = Math.max(end, start);
        int offset = cellStart[start];
        int width = Math.max(1, cellStart[end] - offset);
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
