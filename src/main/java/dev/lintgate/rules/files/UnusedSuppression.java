package dev.lintgate.rules.files;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.ProjectRule;
import java.util.List;

/**
 * LG002: a suppression comment naming a lintgate code that suppressed nothing in this run, or a code no rule has.
 * Only the engine knows which suppressions silenced a finding, once every rule has reported: it finds the unused
 * codes of the rules that ran and hands them here; nothing is checked on the project itself.
 */
public final class UnusedSuppression implements ProjectRule {

    @Override
    public String code() {
        return "LG002";
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
    }

    /**
     * @param at        the code in the comment (its line when the column is not known)
     * @param appliesTo the line it suppresses findings on, 0 for the whole file
     */
    public void unused(String path, Region at, int appliesTo, String code, FindingSink sink) {
        int line = at.startLine();
        String where = appliesTo == 0 ? "in this file" : appliesTo == line ? "on this line" : "on line " + appliesTo;
        sink.report(new Location(path, at), "`" + code + "` in this suppression comment suppresses nothing: "
                        + code + " reported nothing " + where + " in this run",
                "Remove `" + code + "` from the comment.", anchor(code, appliesTo), List.of(), null);
    }

    public void unknown(String path, Region at, int appliesTo, String code, boolean prefix, FindingSink sink) {
        String why = prefix ? "is a prefix, and a suppression takes whole rule codes" : "is not a lintgate rule code";
        sink.report(new Location(path, at), "`" + code + "` in this suppression comment " + why
                        + ", so it suppresses nothing", prefix ? "Name the rule codes in full." : "Remove `" + code
                        + "` or correct it (see 'lintgate rules').", anchor(code, appliesTo), List.of(), null);
    }

    /**
     * Where {@code code} is written on the comment's line: its first occurrence after the first {@code noqa} or
     * {@code lintgate:}, in code points; the whole line when it is not found as written.
     */
    public static Region placeOf(String code, int line, String lineText) {
        if (lineText == null) return Region.line(line);
        String upper = lineText.toUpperCase(java.util.Locale.ROOT);
        int noqa = upper.indexOf("NOQA");
        int lintgate = upper.indexOf("LINTGATE:");
        int from = noqa < 0 ? lintgate : lintgate < 0 ? noqa : Math.min(noqa, lintgate);
        int at = from < 0 ? -1 : upper.indexOf(code, from);
        if (at < 0) return Region.line(line);
        int column = lineText.codePointCount(0, at) + 1;
        return Region.of(line, column, column + code.codePointCount(0, code.length()));
    }

    /** What the finding is about, without its line: the code, and whether the comment is file-wide. */
    private static String anchor(String code, int appliesTo) {
        return (appliesTo == 0 ? "file-wide " : "") + code;
    }
}
