package dev.lintgate.python;

/**
 * A strict UTF-8 decoder into a char array, for source text that is not pure ASCII: one pass where the JDK's
 * String decode, the search for U+FFFD and the copy out of the String took four. It accepts exactly the well-formed
 * sequences (Unicode table 3-7: no overlong forms, no encoded surrogates, nothing above U+10FFFF), for which every
 * decoder gives the same chars; anything else is left to the JDK, which knows how many U+FFFD to put where.
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Decodes bytes[from..] into chars[at..] (chars must have room for one char per remaining byte); returns the
     * index after the last char written, or -1 when a sequence is malformed or cut off.
     */
    static int decode(byte[] bytes, int from, char[] chars, int at) {
        int i = from;
        int j = at;
        int end = bytes.length;
        while (i < end) {
            int b0 = bytes[i];
            if (b0 >= 0) {
                chars[j++] = (char) b0;
                i++;
                continue;
            }
            int u = b0 & 0xFF;
            if (u < 0xC2) {
                return -1; // a continuation byte, or the lead of an overlong two-byte form
            } else if (u < 0xE0) {
                if (i + 1 >= end || !continuation(bytes[i + 1])) {
                    return -1;
                }
                chars[j++] = (char) (((u & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            } else if (u < 0xF0) {
                if (i + 2 >= end || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
                    return -1;
                }
                int b1 = bytes[i + 1] & 0xFF;
                if ((u == 0xE0 && b1 < 0xA0) || (u == 0xED && b1 >= 0xA0)) {
                    return -1; // overlong, or a surrogate
                }
                chars[j++] = (char) (((u & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            } else if (u < 0xF5) {
                if (i + 3 >= end || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
                        || !continuation(bytes[i + 3])) {
                    return -1;
                }
                int b1 = bytes[i + 1] & 0xFF;
                if ((u == 0xF0 && b1 < 0x90) || (u == 0xF4 && b1 >= 0x90)) {
                    return -1; // overlong, or above U+10FFFF
                }
                int cp = ((u & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6) | (bytes[i + 3] & 0x3F);
                chars[j++] = Character.highSurrogate(cp);
                chars[j++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return -1;
            }
        }
        return j;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
