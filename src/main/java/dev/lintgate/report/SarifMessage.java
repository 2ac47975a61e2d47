package dev.lintgate.report;

import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Related;
import java.util.ArrayList;
import java.util.List;

/** A result's {@code message.text}: what is wrong, how to fix it, and links to the related locations. */
final class SarifMessage {

    private SarifMessage() {
    }

    /**
     * The finding's message, its fix hint, and a link per related location: GitHub only turns related locations
     * into links when the message cites them as {@code [text](id)}.
     */
    static String of(Finding f) {
        String text = f.message();
        if (f.fixHint() != null && !f.fixHint().isBlank()) text = sentence(text) + " " + f.fixHint().strip();
        if (f.related().isEmpty()) return text;
        List<String> links = new ArrayList<>();
        for (int i = 0; i < f.related().size(); i++) {
            links.add("[" + escapeBrackets(stripPeriod(linkText(f.related().get(i)))) + "](" + (i + 1) + ")");
        }
        // with embedded links present, SARIF (3.11.6) reads any other bracket as markup unless escaped
        return sentence(escapeBrackets(text)) + " See " + String.join(", ", links) + ".";
    }

    static String linkText(Related r) {
        return r.message() == null || r.message().isBlank() ? r.location().toString() : r.message().strip();
    }

    private static String sentence(String text) {
        String s = text.strip();
        return s.isEmpty() || ".!?".indexOf(s.charAt(s.length() - 1)) >= 0 ? s : s + ".";
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String escapeBrackets(String text) {
        return text.replace("[", "\\[").replace("]", "\\]");
    }
}
