package dev.lintgate.report;

import dev.lintgate.catalog.RuleDoc;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=..::message}), which the runner turns into annotations on
 * the pull request. GitHub keeps only ten annotations per level per step and drops the rest silently, so past
 * ten we stop and say how many were left out instead.
 */
public final class GithubReporter implements Reporter {

    public static final int PER_LEVEL = 10;

    @Override
    public void write(Report report, Writer out) throws IOException {
        RuleTable rules = new RuleTable(report.rules());
        List<Annotation> annotations = new ArrayList<>();
        for (Finding f : report.findings()) annotations.add(annotation(f, rules));
        for (Notification n : report.notifications()) {
            annotations.add(new Annotation(n.level(), n.location(), "lintgate", n.message()));
        }

        Map<Severity, Integer> total = new EnumMap<>(Severity.class);
        for (Annotation a : annotations) total.merge(a.level, 1, Integer::sum);
        boolean overflow = total.values().stream().anyMatch(n -> n > PER_LEVEL);
        Map<Severity, Integer> room = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) room.put(s, PER_LEVEL);
        // the overflow notice is itself a notice: keep a slot for it or GitHub would drop it with the rest
        if (overflow) room.put(Severity.NOTE, PER_LEVEL - 1);

        Map<Severity, Integer> hidden = new EnumMap<>(Severity.class);
        for (Annotation a : annotations) {
            if (room.get(a.level) > 0) {
                room.merge(a.level, -1, Integer::sum);
                out.write(a.command());
            } else {
                hidden.merge(a.level, 1, Integer::sum);
            }
        }
        if (!hidden.isEmpty()) out.write(overflowNotice(hidden));
        out.flush();
    }

    private static Annotation annotation(Finding f, RuleTable rules) {
        String title = f.code() + rules.rule(f.code()).map(RuleDoc::name).map(n -> " " + n).orElse("");
        StringBuilder message = new StringBuilder(f.message());
        if (f.fixHint() != null && !f.fixHint().isBlank()) message.append("\nhelp: ").append(f.fixHint());
        for (Related r : f.related()) {
            message.append("\nnote: ").append(r.location());
            if (r.message() != null && !r.message().isBlank()) message.append(": ").append(r.message());
        }
        return new Annotation(f.severity(), f.location(), title, message.toString());
    }

    private static String overflowNotice(Map<Severity, Integer> hidden) {
        List<String> parts = new ArrayList<>();
        for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.NOTE}) {
            if (hidden.containsKey(s)) parts.add(Tally.plural(hidden.get(s), s.label()));
        }
        String message = String.join(", ", parts) + " not shown as annotations: GitHub shows " + PER_LEVEL
                + " per level per step. The full list is in the SARIF upload and the text output.";
        return "::notice title=" + property("lintgate: more findings") + "::" + data(message) + "\n";
    }

    private record Annotation(Severity level, Location location, String title, String message) {
        String command() {
            List<String> props = new ArrayList<>();
            if (location != null) {
                Region r = location.region();
                props.add("file=" + property(location.path()));
                props.add("line=" + r.startLine());
                props.add("endLine=" + r.endLine());
                // the Checks API behind annotations takes columns only within one line; Region.line has none
                if (r.endLine() == r.startLine() && !r.equals(Region.line(r.startLine()))) {
                    props.add("col=" + r.startColumn());
                    props.add("endColumn=" + r.endColumn());
                }
            }
            props.add("title=" + property(title));
            return "::" + commandName(level) + " " + String.join(",", props) + "::" + data(message) + "\n";
        }
    }

    private static String commandName(Severity level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /**
     * actions/toolkit {@code escapeData}; every other control character is shown by its stand-in ({@link Printable}):
     * the runner passes it to the log viewer, which would act on an ESC or BEL from a file name.
     */
    static String data(String s) {
        return escape(s, false);
    }

    /** actions/toolkit {@code escapeProperty}: also ':' and ',', which would end the property. */
    static String property(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean property) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '%' -> out.append("%25");
                case '\r' -> out.append("%0D");
                case '\n' -> out.append("%0A");
                case ':' -> out.append(property ? "%3A" : ":");
                case ',' -> out.append(property ? "%2C" : ",");
                default -> {
                    if (Printable.needsStandIn(cp)) out.append(Printable.standIn(cp));
                    else out.appendCodePoint(cp);
                }
            }
        });
        return out.toString();
    }
}
