package dev.lintgate.report;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Related;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The human formats, modelled on ruff: {@code path:line:col: CODE message}, then (unless concise) the source line
 * with carets under the region, the fix hint and related places; notifications and a summary line at the end.
 */
public final class TextReporter implements Reporter {

    private final Ansi ansi;
    private final boolean concise;
    private final boolean summary;
    /** The findings marked {@code [*]}, as ruff marks those {@code --fix} would fix. */
    private final Predicate<Finding> fixable;
    /** Lines after the summary: what {@code --fix} did or could do. */
    private final List<String> fixLines;

    private TextReporter(boolean colour, boolean concise, boolean summary) {
        this(colour, concise, summary, f -> false, List.of());
    }

    private TextReporter(boolean colour, boolean concise, boolean summary, Predicate<Finding> fixable, List<String> fixLines) {
        this.ansi = new Ansi(colour);
        this.concise = concise;
        this.summary = summary;
        this.fixable = fixable;
        this.fixLines = List.copyOf(fixLines);
    }

    /** The same format without notifications and the summary line ({@code --quiet}). */
    public TextReporter quiet() {
        return new TextReporter(ansi.isEnabled(), concise, false, fixable, fixLines);
    }

    /** The same format marking {@code fixable} findings {@code [*]}, with {@code fixLines} after the summary. */
    public TextReporter withFixes(Predicate<Finding> fixable, List<String> fixLines) {
        return new TextReporter(ansi.isEnabled(), concise, summary, fixable, fixLines);
    }

    public static TextReporter full(boolean colour) {
        return new TextReporter(colour, false, true);
    }

    public static TextReporter concise(boolean colour) {
        return new TextReporter(colour, true, true);
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        CodeFrame.LineCache lines = new CodeFrame.LineCache();
        java.util.Set<Finding> baselined = new java.util.HashSet<>(report.baseline().baselined());
        for (Finding finding : report.shown()) {
            out.write(header(finding));
            if (baselined.contains(finding)) out.write(" (baselined)");
            out.write('\n');
            if (!concise) {
                writeDetails(finding, report.sources(), lines, out);
                out.write('\n');
            }
        }
        if (!summary) {
            out.flush();
            return;
        }
        for (Notification n : report.notifications()) {
            String where = n.location() == null ? "" : ansi.bold(Printable.line(n.location().path())) + ":" + n.location().region().startLine() + ": ";
            out.write(where + ansi.severity(n.level(), n.level().label()) + ": " + Printable.line(n.message()) + "\n");
        }
        for (Baseline.Entry fixed : report.baseline().fixed()) {
            out.write(ansi.bold(Printable.line(fixed.path())) + ": fixed: " + fixed.code() + " " + Printable.line(fixed.message())
                    + (fixed.count() > 1 ? " (" + fixed.count() + " of them)" : "") + "\n");
        }
        out.write(report.summary());
        out.write('\n');
        for (String line : fixLines) out.write(line + "\n");
        out.flush();
    }

    private String header(Finding f) {
        Location at = f.location();
        return ansi.bold(Printable.line(at.path())) + ":" + at.region().startLine() + ":" + at.region().startColumn() + ": "
                + ansi.severity(f.severity(), f.code()) + (fixable.test(f) ? " [*] " : " ") + Printable.line(f.message());
    }

    private void writeDetails(Finding f, SourceLines sources, CodeFrame.LineCache lines, Writer out) throws IOException {
        Optional<CodeFrame> frame = CodeFrame.of(sources.lines(f.location().path()), f.location().region(), lines);
        String pad = "  ";
        if (frame.isPresent()) {
            CodeFrame fr = frame.get();
            String number = Integer.toString(fr.lineNumber());
            pad = " ".repeat(number.length() + 1);
            out.write(pad + "|\n");
            out.write(number + " | " + fr.text() + "\n");
            out.write(pad + "| " + " ".repeat(fr.caretOffset()) + ansi.severity(f.severity(), "^".repeat(fr.caretWidth())) + "\n");
            out.write(pad + "|\n");
        }
        if (f.fixHint() != null && !f.fixHint().isBlank()) {
            out.write(pad + "= " + ansi.bold("help") + ": " + Printable.line(f.fixHint()) + "\n");
        }
        for (Related r : f.related()) {
            String what = r.message() == null || r.message().isBlank() ? "" : ": " + r.message();
            out.write(pad + "= " + ansi.bold("note") + ": " + Printable.line(r.location() + what) + "\n");
        }
    }
}
