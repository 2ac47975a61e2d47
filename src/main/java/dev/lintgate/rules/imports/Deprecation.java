package dev.lintgate.rules.imports;

import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.finding.Location;
import dev.lintgate.project.Project;
import java.util.regex.Pattern;

/**
 * A name that must not be imported at runtime. {@code origin} is the configured or decorated target it stands
 * for; for a re-export, {@code name} is the shim's name and {@code via} points at the shim's import.
 */
public record Deprecation(String name, DeprecatedTarget origin, Location via) {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public boolean isReexport() {
        return via != null;
    }

    /**
     * Whether the target was found from a PEP 702 {@code @deprecated} decorator in the project's source rather than
     * configured: its location is the decorated definition.
     */
    public boolean isDecorated() {
        return origin.location() != null && Project.isPython(origin.location().path());
    }

    /** The last dotted component: the word an import of this name must contain. */
    public String lastSegment() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * {@code sentence}, which ends in a full stop, followed by the entry's own message. That message is free text
     * (a setting, or a PEP 702 decorator's argument), so its blanks are collapsed and it gets a closing full stop;
     * one that starts in lower case ("use X instead") continues the sentence after a colon rather than being
     * re-cased, since its first word may be code.
     */
    public String explained(String sentence) {
        String note = origin.message();
        if (note == null || note.isBlank()) return sentence;
        note = WHITESPACE.matcher(note.strip()).replaceAll(" ");
        char last = note.charAt(note.length() - 1);
        if (last != '.' && last != '!' && last != '?') note += ".";
        if (Character.isLowerCase(note.codePointAt(0))) return sentence.substring(0, sentence.length() - 1) + ": " + note;
        return sentence + " " + note;
    }

    /** The module part ("a.b" for "a.b.C"); "" for a top-level name. */
    public String parent() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
