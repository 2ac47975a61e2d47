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
     * @param line      where the comment is
     * @param appliesTo the line it suppresses findings on, 0 for the whole file
     */
    public void unused(String path, int line, int appliesTo, String code, FindingSink sink) {
        String where = appliesTo == 0 ? "in this file" : appliesTo == line ? "on this line" : "on line " + appliesTo;
        sink.report(new Location(path, Region.line(line)), "`" + code + "` in this suppression comment suppresses nothing: "
                        + code + " reported nothing " + where + " in this run",
                "Remove `" + code + "` from the comment.", anchor(code, appliesTo), List.of(), null);
    }

    public void unknown(String path, int line, int appliesTo, String code, boolean prefix, FindingSink sink) {
        String why = prefix ? "is a prefix, and a suppression takes whole rule codes" : "is not a lintgate rule code";
        sink.report(new Location(path, Region.line(line)), "`" + code + "` in this suppression comment " + why
                        + ", so it suppresses nothing", prefix ? "Name the rule codes in full." : "Remove `" + code
                        + "` or correct it (see 'lintgate rules').", anchor(code, appliesTo), List.of(), null);
    }

    /** What the finding is about, without its line: the code, and whether the comment is file-wide. */
    private static String anchor(String code, int appliesTo) {
        return (appliesTo == 0 ? "file-wide " : "") + code;
    }
}
