package dev.lintgate.engine;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * A byte-level test that settles most files without tokenizing them: a file that contains none of a rule's words
 * cannot hold its finding. Reading the bytes as ISO-8859-1 maps each byte to one char with a plain copy, and
 * {@link String#indexOf(String)} is a vectorised intrinsic, so UTF-8 words are found at memory speed.
 */
public final class Triggers {
    private final List<String> words;

    public Triggers(Collection<String> utf8Words) {
        this.words = utf8Words.stream()
                .map(w -> new String(w.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .distinct().sorted().toList();
    }

    public boolean matchesEverything() {
        return words.isEmpty();
    }

    public boolean foundIn(byte[] content) {
        if (words.isEmpty()) return true;
        String text = new String(content, StandardCharsets.ISO_8859_1);
        for (String w : words) {
            if (text.contains(w)) return true;
        }
        return false;
    }
}
