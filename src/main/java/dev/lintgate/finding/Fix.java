package dev.lintgate.finding;

import java.util.ArrayList;
import java.util.List;

/**
 * How to remove a finding: edits on one file or more ({@link Change}s, paths relative to the project root like a
 * {@link Location}'s, and not always the finding's own file: an unregistered marker is fixed in the pytest
 * configuration, a shadowed pytest section moves into the file pytest reads). A fix is applied whole, to every file
 * it names, or not at all. The edits of one fix never overlap; fixes that overlap each other are applied one per
 * pass. Fixes with the same non-null {@code isolation} key are applied one per pass too, for edits that are each
 * right alone but not together (two deletions that would each leave the other as the last statement of a block,
 * and then none).
 */
public record Fix(Applicability applicability, String message, List<Change> changes, String isolation) {

    /** The edits of one file. */
    public record Change(String path, List<Edit> edits) {
        public Change {
            edits = List.copyOf(edits);
            if (edits.isEmpty()) throw new IllegalArgumentException("a change needs an edit");
        }
    }

    public Fix {
        changes = List.copyOf(changes);
        if (changes.isEmpty()) throw new IllegalArgumentException("a fix needs an edit");
        // (one change is the common case, and a stream per fix shows when a run replays 36,000 of them)
        if (changes.size() > 1 && changes.stream().map(Change::path).distinct().count() != changes.size()) {
            throw new IllegalArgumentException("a fix names each file once");
        }
    }

    /** A fix of one file. */
    public Fix(String path, Applicability applicability, String message, List<Edit> edits, String isolation) {
        this(applicability, message, List.of(new Change(path, edits)), isolation);
    }

    public static Fix safe(String path, String message, List<Edit> edits) {
        return new Fix(path, Applicability.SAFE, message, edits, null);
    }

    /** The first file the fix edits. */
    public String path() {
        return changes.get(0).path();
    }

    /** The edits of the first file. */
    public List<Edit> edits() {
        return changes.get(0).edits();
    }

    /** The files after the first, each with its edits. */
    public List<Change> otherFiles() {
        return changes.subList(1, changes.size());
    }

    public Fix withApplicability(Applicability a) {
        return new Fix(a, message, changes, isolation);
    }

    public Fix isolatedBy(String key) {
        return new Fix(applicability, message, changes, key);
    }

    /** This fix's part in one of its files, as a fix of that file alone. */
    public Fix on(Change change) {
        return new Fix(applicability, message, List.of(change), isolation);
    }

    /** This fix with its paths below {@code prefix}, a directory ending in {@code /}. */
    public Fix under(String prefix) {
        List<Change> moved = new ArrayList<>();
        for (Change c : changes) moved.add(new Change(prefix + c.path(), c.edits()));
        return new Fix(applicability, message, moved, isolation);
    }
}
