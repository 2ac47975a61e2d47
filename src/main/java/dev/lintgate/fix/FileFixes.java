package dev.lintgate.fix;

import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies fixes to one file's bytes. A fix is applied whole or not at all; one that overlaps a fix applied before it
 * in this pass, shares its isolation key, or names a place the file does not have waits for the next pass, which
 * runs the rules on the edited text again (as ruff does). Everything outside the edits stays byte for byte.
 */
final class FileFixes {
    private FileFixes() {
    }

    record Applied(byte[] bytes, List<Fix> fixes) {
    }

    private record Span(int start, int end, String content) {
        boolean overlaps(Span o) {
            // two insertions at one place both apply, in the order of their fixes; an insertion touching a
            // replaced span waits, since which side it belongs to is not known
            if (start == end && o.start == o.end) return false;
            if (start == end || o.start == o.end) return start <= o.end && o.start <= end;
            return start < o.end && o.start < end;
        }
    }

    /** Empty when the bytes are not UTF-8 text. */
    static Optional<Applied> apply(byte[] original, List<Fix> fixes) {
        Optional<EditableText> decoded = EditableText.of(original);
        if (decoded.isEmpty()) return Optional.empty();
        EditableText text = decoded.get();
        List<Span> accepted = new ArrayList<>();
        List<Fix> applied = new ArrayList<>();
        Set<String> isolations = new HashSet<>();
        for (Fix fix : fixes) {
            // one fix offered by several findings (a marker registered once for each of its uses) is applied once
            if (applied.contains(fix)) {
                applied.add(fix);
                continue;
            }
            if (fix.isolation() != null && isolations.contains(fix.isolation())) continue;
            List<Span> spans = spans(text, fix);
            if (spans == null || spans.stream().anyMatch(s -> accepted.stream().anyMatch(s::overlaps))) continue;
            accepted.addAll(spans);
            applied.add(fix);
            if (fix.isolation() != null) isolations.add(fix.isolation());
        }
        if (applied.isEmpty()) return Optional.of(new Applied(original, applied));
        accepted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        StringBuilder out = new StringBuilder(text.text.length() + 64);
        int at = 0;
        for (Span s : accepted) {
            out.append(text.text, at, s.start).append(s.content);
            at = s.end;
        }
        out.append(text.text, at, text.text.length());
        return Optional.of(new Applied(text.encode(out.toString()), applied));
    }

    /** The fix's edits as char spans, or null when one names a place the text does not have or they overlap. */
    private static List<Span> spans(EditableText text, Fix fix) {
        List<Span> out = new ArrayList<>();
        for (Edit e : fix.edits()) {
            int start = text.offset(e.region().startLine(), e.region().startColumn());
            int end = text.offset(e.region().endLine(), e.region().endColumn());
            if (start < 0 || end < start) return null;
            Span span = new Span(start, end, e.content().replace("\n", text.newline));
            if (out.stream().anyMatch(span::overlaps)) return null;
            out.add(span);
        }
        return out;
    }
}
