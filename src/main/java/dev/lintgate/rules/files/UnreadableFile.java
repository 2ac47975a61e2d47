package dev.lintgate.rules.files;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FileRule;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LG003: a file lintgate had to read but could not (permission, vanished, larger than {@code max-file-size}), or a
 * directory it could not list. Nothing in it was checked, so a merge gate must not pass in silence, as ruff's E902.
 */
public final class UnreadableFile implements FileRule {

    @Override
    public String code() {
        return "LG003";
    }

    @Override
    public Set<String> triggers(ProjectModel project) {
        return Set.of();
    }

    /** No file to scan: what it reports comes from the reads the other rules make. */
    @Override
    public Optional<Set<String>> candidates(ProjectModel project) {
        return Optional.of(Set.of());
    }

    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
    }

    @Override
    public boolean reportsUnreadableFiles() {
        return true;
    }

    @Override
    public void unreadable(String path, String why, FindingSink sink) {
        String hint = why.startsWith("not read") ? "Raise max-file-size, or exclude the file (extend-exclude) if it need not be checked."
                : why.startsWith("cannot list") ? "Make the directory readable by the user lintgate runs as, or exclude it (extend-exclude)."
                : "Make the file readable by the user lintgate runs as, or exclude it (extend-exclude).";
        sink.report(new Location(path, Region.line(1)), capitalised(why) + "; nothing in it was checked.", hint,
                "unreadable", List.of(), null);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
