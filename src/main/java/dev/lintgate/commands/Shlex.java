package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split(s)} (POSIX mode, no comments): how pytest splits {@code addopts} and
 * {@code PYTEST_ADDOPTS}, and how tox splits each line of {@code commands}. No comment handling is the point:
 * {@code addopts = -v # x} gives the arguments {@code -v}, {@code #} and {@code x}.
 */
public final class Shlex {
    private Shlex() {
    }

    /** @throws IllegalArgumentException with shlex's own words when a quote is unclosed or the text ends in a backslash */
    public static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("No closing quotation");
                cur.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\\\"$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                        cur.append(s.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    cur.append(d);
                    i++;
                }
                if (!closed) throw new IllegalArgumentException("No closing quotation");
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) throw new IllegalArgumentException("No escaped character");
                cur.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(cur.toString());
        return words;
    }
}
