package dev.lintgate.finding;

/**
 * One text change: the span {@code region} (1-based lines, code-point columns, end exclusive, as everywhere in
 * lintgate) becomes {@code content}. An empty region inserts; empty content deletes. A line break in {@code content}
 * is written {@code \n} and becomes the file's own line ending when applied.
 */
public record Edit(Region region, String content) {
    public Edit {
        if (region == null || content == null) throw new IllegalArgumentException("an edit needs a region and content");
    }

    /** Deletes lines {@code first} to {@code last} whole, with their line endings. */
    public static Edit deleteLines(int first, int last) {
        return new Edit(new Region(first, 1, last + 1, 1), "");
    }

    /** Inserts {@code content} at the start of {@code line} (one past the last line appends). */
    public static Edit insertAt(int line, String content) {
        return new Edit(new Region(line, 1, line, 1), content);
    }
}
