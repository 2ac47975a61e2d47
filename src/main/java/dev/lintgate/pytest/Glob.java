package dev.lintgate.pytest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Python's fnmatch for the patterns pytest options use ({@code *}, {@code ?}, {@code [seq]}), compiled once per
 * pattern. Collection matches every directory and file name of a repository against the same few globs, so
 * patterns made only of {@code *}, {@code ?} and literal characters are matched without a regex.
 */
final class Glob {

    private static final Map<String, Glob> COMPILED = new ConcurrentHashMap<>();

    private final String pattern;
    private final boolean literal;
    private final boolean wildcardsOnly;
    /** null when the pattern is not a valid regex: then only the pattern itself matches. */
    private final Pattern regex;

    private Glob(String pattern) {
        this.pattern = pattern;
        this.wildcardsOnly = pattern.indexOf('[') < 0 && pattern.indexOf(']') < 0;
        this.literal = wildcardsOnly && pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        this.regex = compile(pattern);
    }

    static boolean matches(String name, String pattern) {
        return COMPILED.computeIfAbsent(pattern, Glob::new).matches(name);
    }

    private boolean matches(String name) {
        if (regex == null || literal) return name.equals(pattern);
        if (wildcardsOnly && plainChars(name)) return wildcardMatch(name);
        return regex.matcher(name).matches();
    }

    private static Pattern compile(String p) {
        StringBuilder re = new StringBuilder();
        for (char c : p.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[', ']' -> re.append(c);
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the regex's {@code .} matches each char of the name exactly once: no line terminators (which it
     * never matches) and no surrogates (a pair is one code point to it).
     */
    private static boolean plainChars(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) return false;
        }
        return true;
    }

    /** {@code *} any run of chars, {@code ?} one char, anything else itself; backtracks to the last star only. */
    private boolean wildcardMatch(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') p++;
        return p == pattern.length();
    }
}
