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
        assertTrue(t.foundIn(utf8("x = 1  # NOQA: LG101")));
        assertTrue(t.foundIn(utf8("# LintGate: ignore[LG101]")));
        assertTrue(t.foundIn(utf8("#noqa")));
        assertFalse(t.foundIn(utf8("# no qa, lint gate")));
        assertFalse(new Triggers(List.of("noqa")).foundIn(utf8("# NOQA")));
    }

    @Test
    void oneWordAgreesWithStringContains() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            String text = randomText(random, "abé\n", random.nextInt(40));
            String word = randomText(random, "abé", 1 + random.nextInt(4));
            assertEquals(text.contains(word), Triggers.contains(utf8(text), word), text + " / " + word);
        }
        assertTrue(Triggers.contains(utf8("x.OrderedDict"), "OrderedDict"));
        assertFalse(Triggers.contains(utf8("OrderedDic"), "OrderedDict"));
    }

    @Test
    void wholeNamesAgreeWithARegex() {
        Random random = new Random(12);
        for (int i = 0; i < 5_000; i++) {
            List<String> words = new ArrayList<>();
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) words.add(randomText(random, "ab_", 1 + random.nextInt(3)));
            String text = randomText(random, "ab_ .(\n", random.nextInt(30));
            boolean expected = words.stream().anyMatch(w -> java.util.regex.Pattern
                    .compile("(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(w) + "(?![A-Za-z0-9_])").matcher(text).find());
            assertEquals(expected, Triggers.names(words).foundIn(utf8(text)), words + " in '" + text + "'");
        }
    }

    @Test
    void wholeNamesOnly() {
        Triggers patch = Triggers.names(List.of("patch", "import_module"));
        assertTrue(patch.foundIn(utf8("mock.patch(\"a.b\")")));
        assertTrue(patch.foundIn(utf8("patch")));
        assertTrue(patch.foundIn(utf8("dispatch(x); patch.object(m, 'n')")));
        assertTrue(patch.foundIn(utf8("importlib.import_module(name)")));
        assertFalse(patch.foundIn(utf8("dispatch(x)")));
        assertFalse(patch.foundIn(utf8("monkeypatch.setattr")));
        assertFalse(patch.foundIn(utf8("patches = 1; patch_2 = 1; Patch = 2")));
        assertFalse(patch.foundIn(utf8("épatch")));
        // a one-byte word takes the comparison path, which must honour the same boundaries
        Triggers x = Triggers.names(List.of("x"));
        assertTrue(x.foundIn(utf8("a = x + 1")));
        assertFalse(x.foundIn(utf8("ax = xb")));
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
        }
    }

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
