package dev.lintgate.finding;

import java.util.List;

/**
 * How to remove a finding: edits on one file ({@code path}, relative to the project root like a {@link Location}'s,
 * and not always the finding's own file: an unregistered marker is fixed in the pytest configuration). The edits of
 * one fix never overlap; fixes that overlap each other are applied one per pass. Fixes with the same non-null
 * {@code isolation} key are applied one per pass too, for edits that are each right alone but not together (two
 * deletions that would each leave the other as the last statement of a block, and then none).
 */
public record Fix(String path, Applicability applicability, String message, List<Edit> edits, String isolation) {
    public Fix {
        edits = List.copyOf(edits);
        if (edits.isEmpty()) throw new IllegalArgumentException("a fix needs an edit");
    }

    public static Fix safe(String path, String message, List<Edit> edits) {
        return new Fix(path, Applicability.SAFE, message, edits, null);
    }

    public Fix withApplicability(Applicability a) {
        return new Fix(path, a, message, edits, isolation);
    }

    public Fix isolatedBy(String key) {
        return new Fix(path, applicability, message, edits, key);
    }

    /** This fix with its path below {@code prefix}, a directory ending in {@code /}. */
    public Fix under(String prefix) {
        return new Fix(prefix + path, applicability, message, edits, isolation);
    }
}
