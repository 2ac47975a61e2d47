package dev.lintgate.environment;

import java.util.Optional;

/**
 * One PEP 440 version clause: {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ~=},
 * {@code ===}, with the {@code ==9.*} / {@code !=9.*} wildcards. Matching follows {@code packaging.specifiers}
 * except for pre-releases, which it admits like any other version: lintgate only asks about the final releases its
 * catalogs know.
 */
public record Specifier(String operator, String version, Version bound) {

    /** {@code bound} is the parsed version (without {@code .*}); null for {@code ===}, which compares text. */
    public Specifier(String operator, String version) {
        this(operator, version, operator.equals("===") ? null
                : Version.of(version.endsWith(".*") ? version.substring(0, version.length() - 2) : version));
    }

    /** "{@code >=8.4.1}"; empty when the clause is not PEP 440. */
    public static Optional<Specifier> parse(String text) {
        String t = text.strip();
        for (String op : new String[] {"===", "~=", "==", "!=", "<=", ">=", "<", ">"}) {
            if (!t.startsWith(op)) continue;
            String v = t.substring(op.length()).strip();
            if (v.isEmpty()) return Optional.empty();
            if (op.equals("===")) return Optional.of(new Specifier(op, v, null));
            boolean wildcard = v.endsWith(".*");
            if (wildcard && !op.equals("==") && !op.equals("!=")) return Optional.empty();
            Optional<Version> parsed = Version.parse(wildcard ? v.substring(0, v.length() - 2) : v);
            if (parsed.isEmpty()) return Optional.empty();
            if (op.equals("~=") && parsed.get().release().size() < 2) return Optional.empty();
            return Optional.of(new Specifier(op, v, parsed.get()));
        }
        return Optional.empty();
    }

    public boolean admits(Version candidate) {
        if (operator.equals("===")) return candidate.toString().equalsIgnoreCase(version);
        boolean wildcard = version.endsWith(".*");
        Version v = bound;
        return switch (operator) {
            case "==" -> wildcard ? prefixMatches(candidate, v) : equal(candidate, v);
            case "!=" -> wildcard ? !prefixMatches(candidate, v) : !equal(candidate, v);
            case "<=" -> candidate.withoutLocal().compareTo(v) <= 0;
            case ">=" -> candidate.withoutLocal().compareTo(v) >= 0;
            // "<9" does not admit 9.0rc1 (a pre-release of the excluded version) unless the bound is a pre-release
            case "<" -> candidate.withoutLocal().compareTo(v) < 0
                    && (v.isPrerelease() || !candidate.isPrerelease() || !sameRelease(candidate, v));
            // ">8" does not admit 8.post1 or 8+local unless the bound itself is a post-release
            case ">" -> candidate.withoutLocal().compareTo(v) > 0
                    && (v.post() >= 0 || candidate.post() < 0 || !sameRelease(candidate, v));
            case "~=" -> candidate.withoutLocal().compareTo(v) >= 0 && prefixMatches(candidate,
                    new Version(0, v.release().subList(0, v.release().size() - 1), null, -1, -1, -1, null));
            default -> false;
        };
    }

    // a bound without a local label ignores the candidate's
    private static boolean equal(Version candidate, Version v) {
        return (v.local() == null ? candidate.withoutLocal() : candidate).sameAs(v);
    }

    private static boolean prefixMatches(Version candidate, Version prefix) {
        if (candidate.epoch() != prefix.epoch()) return false;
        for (int i = 0; i < prefix.release().size(); i++) {
            if (candidate.part(i) != prefix.part(i)) return false;
        }
        return true;
    }

    private static boolean sameRelease(Version a, Version b) {
        int n = Math.max(a.release().size(), b.release().size());
        for (int i = 0; i < n; i++) if (a.part(i) != b.part(i)) return false;
        return a.epoch() == b.epoch();
    }

    @Override
    public String toString() {
        return operator + version;
    }
}
