package dev.lintgate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriggersTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsAnyWordAnywhere() {
        Triggers t = new Triggers(List.of("OrderedDict", "Optional", "import *", "héllo"));
        assertTrue(t.foundIn(utf8("from typing import Optional\n")));
        assertTrue(t.foundIn(utf8("x = TOptionalY")));
        assertTrue(t.foundIn(utf8("from m import *")));
        assertTrue(t.foundIn(utf8("# héllo")));
        assertFalse(t.foundIn(utf8("from typing import Opt, ional, Ordered, Dict\nimport  *")));
        assertFalse(t.foundIn(new byte[0]));
    }

    @Test
    void overlappingAndLongerWordsAreFound() {
        Triggers t = new Triggers(List.of("abcd", "bce"));
        assertTrue(t.foundIn(utf8("xxabcexx")));
        assertFalse(t.foundIn(utf8("xxabcxdxx")));
        assertTrue(new Triggers(List.of("aab")).foundIn(utf8("aaab")));
    }

    @Test
    void ignoringAsciiCase() {
        Triggers t = Triggers.ignoringAsciiCase(List.of("noqa", "lintgate"));
        finds(t, "x = 1  # NOQA: LG101", "# LintGate: ignore[LG101]", "#noqa");
        misses(t, "# no qa, lint gate");
        misses(new Triggers(List.of("noqa")), "# NOQA");
    }

    @Test
    void oneName() {
        assertEquals(2, Triggers.indexOfName(utf8("x.OrderedDict"), "OrderedDict", 0));
        assertEquals(-1, Triggers.indexOfName(utf8("OrderedDic"), "OrderedDict", 0));
        assertEquals(12, Triggers.indexOfName(utf8("TOld = 1; a.Old"), "Old", 0));
        assertEquals(-1, Triggers.indexOfName(utf8("a.Old"), "Old", 3));
    }

    @Test
    void wholeNamesOnly() {
        Triggers patch = Triggers.names(List.of("patch", "import_module"));
        finds(patch, "mock.patch(\"a.b\")", "patch", "dispatch(x); patch.object(m, 'n')", "importlib.import_module(name)");
        misses(patch, "dispatch(x)", "monkeypatch.setattr", "patches = 1; patch_2 = 1; Patch = 2", "épatch");
        // a one-byte word takes the comparison path, which must honour the same boundaries
        finds(Triggers.names(List.of("x")), "a = x + 1");
        misses(Triggers.names(List.of("x")), "ax = xb");
    }

    private static void finds(Triggers t, String... texts) {
        for (String text : texts) assertTrue(t.foundIn(utf8(text)), text);
    }

    private static void misses(Triggers t, String... texts) {
        for (String text : texts) assertFalse(t.foundIn(utf8(text)), text);
    }

    @Test
    void noWordsMeansEveryFile() {
        assertTrue(new Triggers(List.of()).foundIn(utf8("anything")));
    }

    /** The search agrees with String.contains on random texts and word sets. */
    @Test
    void agreesWithContains() {
        Random random = new Random(7);
        String alphabet = "abcab_ \n*é";
        for (int round = 0; round < 2000; round++) {
            List<String> words = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) words.add(randomText(random, alphabet, 1 + random.nextInt(4)));
            String text = randomText(random, alphabet, random.nextInt(40));
            boolean expected = words.stream().anyMatch(text::contains);
            assertEquals(expected, new Triggers(words).foundIn(utf8(text)), words + " in '" + text + "'");
            boolean asName = words.stream().anyMatch(w -> asName(w).matcher(text).find());
            assertEquals(asName, Triggers.names(words).foundIn(utf8(text)), words + " as names in '" + text + "'");
            if (text.chars().allMatch(c -> c < 128)) {
                // byte and char offsets agree on ASCII texts
                java.util.regex.Matcher m = asName(words.get(0)).matcher(text);
                assertEquals(m.find() ? m.start() : -1, Triggers.indexOfName(utf8(text), words.get(0), 0), words + " in '" + text + "'");
            }
        }
    }

    private static java.util.regex.Pattern asName(String word) {
        return java.util.regex.Pattern.compile(NOT_NAME_BEFORE + java.util.regex.Pattern.quote(word) + NOT_NAME_AFTER);
    }

    /** What may not touch a whole Python name: letters, digits, underscores and any non-ASCII character. */
    private static final String NOT_NAME_BEFORE = "(?<![A-Za-z0-9_\\u0080-\\uFFFF])";
    private static final String NOT_NAME_AFTER = "(?![A-Za-z0-9_\\u0080-\\uFFFF])";

    /** Longer words and texts, so that the window really jumps, and words that share their last byte pair. */
    @Test
    void agreesWithContainsOnLongTexts() {
        Random random = new Random(11);
        String alphabet = "import OrderedDict_Optional\n*(é";
        for (int round = 0; round < 3000; round++) {
            List<String> words = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) words.add(randomText(random, alphabet, 2 + random.nextInt(10)));
            String text = randomText(random, alphabet, random.nextInt(400));
            if (random.nextBoolean()) {
                String w = words.get(random.nextInt(words.size()));
                int at = random.nextInt(text.length() + 1);
                text = text.substring(0, at) + w + text.substring(at);
            }
            boolean expected = false;
            for (String w : words) expected |= text.contains(w);
            assertEquals(expected, new Triggers(words).foundIn(utf8(text)), words + " in '" + text + "'");
        }
    }

    private static String randomText(Random r, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }
}
