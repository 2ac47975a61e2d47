package dev.lintgate.finding;

/**
 * A span of text: 1-based lines and columns, columns counted in Unicode code points, end column exclusive
 * (the SARIF convention). Parsers convert to this once, at their boundary.
 */
public record Region(int startLine, int startColumn, int endLine, int endColumn) {
    public Region {
        if (startLine < 1 || startColumn < 1 || endLine < startLine || endColumn < 1
                || (endLine == startLine && endColumn < startColumn)) {
            throw new IllegalArgumentException("bad region " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
        }
    }

    /** A whole line when its length is unknown: column 1 to column 1 of the same line. */
    public static Region line(int line) {
        return new Region(line, 1, line, 1);
    }

    public static Region of(int line, int startColumn, int endColumn) {
        return new Region(line, startColumn, line, endColumn);
    }
}
