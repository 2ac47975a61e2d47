package dev.lintgate.project;

/**
 * git's {@code wildmatch.c}, byte for byte: how git matches a .gitignore pattern against a path. Bracket expressions
 * take POSIX classes ({@code [[:alpha:]]}), ranges and negation with {@code !} or {@code ^}; a malformed one
 * ({@code [!]}, {@code [[:foo:]]}, an unclosed {@code [}) makes the pattern match nothing, as in git, instead of being
 * an error. Patterns and texts are UTF-8 bytes: {@code ?} matches one byte, as git's does.
 */
final class Wildmatch {
    private static final int MATCH = 0;
    private static final int NOMATCH = 1;
    private static final int ABORT_ALL = -1;
    private static final int ABORT_TO_STARSTAR = -2;

    private Wildmatch() {
    }

    /**
     * @param pathname git's {@code WM_PATHNAME}: {@code *} and {@code ?} stop at '/', and only {@code **} between
     *                 slashes crosses them (git matches paths so, and basenames without it)
     */
    static boolean matches(byte[] pattern, int pStart, int pEnd, byte[] text, int tStart, int tEnd, boolean pathname) {
        return new Run(pattern, pStart, pEnd, text, tEnd, pathname).dowild(pStart, tStart) == MATCH;
    }

    /** One match; the fields are dowild's arguments that never change while it recurses. */
    private record Run(byte[] pat, int patternStart, int pEnd, byte[] text, int tEnd, boolean pathname) {

        private int p(int i) {
            return i < pEnd ? pat[i] & 0xFF : 0;
        }

        private int t(int i) {
            return i < tEnd ? text[i] & 0xFF : 0;
        }

        int dowild(int p, int t) {
            int pCh;
            for (; (pCh = p(p)) != 0; t++, p++) {
                int tCh = t(t);
                if (tCh == 0 && pCh != '*') {
                    return ABORT_ALL;
                }
                switch (pCh) {
                    case '\\':
                        // a literal match with the next char; at the end of the pattern that is '\0', which fails below
                        pCh = p(++p);
                        if (tCh != pCh) {
                            return NOMATCH;
                        }
                        continue;
                    default:
                        if (tCh != pCh) {
                            return NOMATCH;
                        }
                        continue;
                    case '?':
                        if (pathname && tCh == '/') {
                            return NOMATCH;
                        }
                        continue;
                    case '*': {
                        boolean matchSlash;
                        if (p(++p) == '*') {
                            int prevP = p - 2;
                            while (p(++p) == '*') {
                                // any run of stars is one **
                            }
                            if ((prevP < patternStart || p(prevP) == '/')
                                    && (p(p) == 0 || p(p) == '/' || (p(p) == '\\' && p(p + 1) == '/'))) {
                                // "foo/**/bar" matches foo/bar too: try the rest with no directory for the stars
                                if (p(p) == '/' && dowild(p + 1, t) == MATCH) {
                                    return MATCH;
                                }
                                matchSlash = true;
                            } else {
                                matchSlash = false;
                            }
                        } else {
                            matchSlash = !pathname;
                        }
                        if (p(p) == 0) {
                            // a trailing ** matches everything, a trailing * only what holds no more slashes
                            if (!matchSlash) {
                                for (int k = t; k < tEnd; k++) {
                                    if (text[k] == '/') {
                                        return NOMATCH;
                                    }
                                }
                            }
                            return MATCH;
                        } else if (!matchSlash && p(p) == '/') {
                            // one star followed by a slash matches up to the next directory
                            int slash = -1;
                            for (int k = t; k < tEnd; k++) {
                                if (text[k] == '/') {
                                    slash = k;
                                    break;
                                }
                            }
                            if (slash < 0) {
                                return NOMATCH;
                            }
                            t = slash;
                            // the slash is consumed by the loop
                            break;
                        }
                        while (true) {
                            if (tCh == 0) {
                                break;
                            }
                            if (!isGlobSpecial(p(p))) {
                                // a literal after the star: what comes before its next occurrence belongs to the star
                                int literal = p(p);
                                while ((tCh = t(t)) != 0 && (matchSlash || tCh != '/')) {
                                    if (tCh == literal) {
                                        break;
                                    }
                                    t++;
                                }
                                if (tCh != literal) {
                                    return matchSlash ? ABORT_ALL : ABORT_TO_STARSTAR;
                                }
                            }
                            int matched = dowild(p, t);
                            if (matched != NOMATCH) {
                                if (!matchSlash || matched != ABORT_TO_STARSTAR) {
                                    return matched;
                                }
                            } else if (!matchSlash && tCh == '/') {
                                return ABORT_TO_STARSTAR;
                            }
                            tCh = t(++t);
                        }
                        return ABORT_ALL;
                    }
                    case '[': {
                        pCh = p(++p);
                        if (pCh == '^') {
                            pCh = '!';
                        }
                        boolean negated = pCh == '!';
                        if (negated) {
                            pCh = p(++p);
                        }
                        int prevCh = 0;
                        boolean matched = false;
                        do {
                            if (pCh == 0) {
                                return ABORT_ALL;
                            }
                            if (pCh == '\\') {
                                pCh = p(++p);
                                if (pCh == 0) {
                                    return ABORT_ALL;
                                }
                                if (tCh == pCh) {
                                    matched = true;
                                }
                            } else if (pCh == '-' && prevCh != 0 && p(p + 1) != 0 && p(p + 1) != ']') {
                                pCh = p(++p);
                                if (pCh == '\\') {
                                    pCh = p(++p);
                                    if (pCh == 0) {
                                        return ABORT_ALL;
                                    }
                                }
                                if (tCh <= pCh && tCh >= prevCh) {
                                    matched = true;
                                }
                                pCh = 0; // so that prevCh becomes 0: a range does not start another
                            } else if (pCh == '[' && p(p + 1) == ':') {
                                int s = p += 2;
                                while ((pCh = p(p)) != 0 && pCh != ']') {
                                    p++;
                                }
                                if (pCh == 0) {
                                    return ABORT_ALL;
                                }
                                int length = p - s - 1;
                                if (length < 0 || p(p - 1) != ':') {
                                    // no ":]": the '[' is an ordinary member
                                    p = s - 2;
                                    pCh = '[';
                                    if (tCh == pCh) {
                                        matched = true;
                                    }
                                    continue;
                                }
                                int inClass = posixClass(new String(pat, s, length, java.nio.charset.StandardCharsets.ISO_8859_1), tCh);
                                if (inClass < 0) {
                                    return ABORT_ALL;
                                }
                                if (inClass == 1) {
                                    matched = true;
                                }
                                pCh = 0;
                            } else if (tCh == pCh) {
                                matched = true;
                            }
                        } while (endOfMember(prevCh = pCh) && (pCh = p(++p)) != ']');
                        if (matched == negated || (pathname && tCh == '/')) {
                            return NOMATCH;
                        }
                        continue;
                    }
                }
                // only the single star before a slash breaks out of the switch: the loop consumes that slash
            }
            return t < tEnd ? NOMATCH : MATCH;
        }
    }

    /** Always true: lets the do-while assign prevCh before reading the next member, as C's comma operator does. */
    private static boolean endOfMember(int ignored) {
        return true;
    }

    private static boolean isGlobSpecial(int c) {
        return c == '*' || c == '?' || c == '[' || c == '\\';
    }

    /** 1 when {@code c} is in the class, 0 when not, -1 for a class git does not know (the pattern then fails). */
    private static int posixClass(String name, int c) {
        boolean upper = c >= 'A' && c <= 'Z';
        boolean lower = c >= 'a' && c <= 'z';
        boolean digit = c >= '0' && c <= '9';
        boolean in = switch (name) {
            case "alnum" -> upper || lower || digit;
            case "alpha" -> upper || lower;
            case "blank" -> c == ' ' || c == '\t';
            case "cntrl" -> c < 0x20 || c == 0x7f;
            case "digit" -> digit;
            case "graph" -> c > 0x20 && c < 0x7f;
            case "lower" -> lower;
            case "print" -> c >= 0x20 && c < 0x7f;
            case "punct" -> c > 0x20 && c < 0x7f && !upper && !lower && !digit;
            // git's own ctype: \v and \f are not space
            case "space" -> c == ' ' || c == '\t' || c == '\n' || c == '\r';
            case "upper" -> upper;
            case "xdigit" -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> false;
        };
        return switch (name) {
            case "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper",
                 "xdigit" -> in ? 1 : 0;
            default -> -1;
        };
    }
}
