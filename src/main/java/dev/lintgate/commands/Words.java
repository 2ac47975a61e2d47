package dev.lintgate.commands;

import java.util.List;

/**
 * Words of a command line, some of whose text is not known: a variable lintgate cannot expand stands for exactly one
 * word (a quoted {@code "$X"}) or for any number of words (an unquoted {@code $X}, a {@code $(VAR)} of make, a
 * {@code ${{ }}} of GitHub). An unknown word carries how it was written, for messages.
 */
public final class Words {
    private Words() {
    }

    private static final String ONE = "\u0000";
    private static final String ANY = "\u0001";

    /** Exactly one word whose text is not known. */
    public static String unknown(String spelling) {
        return ONE + spelling;
    }

    /** Text that may be no word, one word or several (unquoted expansion). */
    public static String unknownWords(String spelling) {
        return ANY + spelling;
    }

    public static boolean isUnknown(String word) {
        return !word.isEmpty() && (word.charAt(0) == '\u0000' || word.charAt(0) == '\u0001');
    }

    /** Whether the word may stand for several words (or none). */
    public static boolean mayBeSeveral(String word) {
        return !word.isEmpty() && word.charAt(0) == '\u0001';
    }

    /** How a word is shown: an unknown word as it was written. */
    public static String spelling(String word) {
        return isUnknown(word) ? word.substring(1) : word;
    }

    /** The words as they were written, joined with spaces. */
    public static String show(List<String> words) {
        return String.join(" ", words.stream().map(Words::spelling).toList());
    }
}
