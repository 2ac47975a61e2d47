package dev.lintgate.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which versions of a distribution a declaration admits: clauses that must all hold (PEP 440's
 * {@code >=8.4.1,<10}), or, for Poetry's {@code ^8.3 || ^9.0}, several such lists of which one must hold.
 * {@link #ANY} admits every version (a bare {@code pytest}, Poetry's {@code *}).
 */
public record VersionSpec(List<List<Specifier>> alternatives, String text) {

    public static final VersionSpec ANY = new VersionSpec(List.of(List.of()), "");

    public VersionSpec {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    public boolean admits(Version v) {
        for (List<Specifier> all : alternatives) {
            if (all.stream().allMatch(s -> s.admits(v))) return true;
        }
        return false;
    }

    public boolean isAny() {
        return alternatives.size() == 1 && alternatives.get(0).isEmpty();
    }

    /** The one version an {@code ==X} (without wildcard) or {@code ===X} pins, if that is what this says. */
    public Optional<Version> pinned() {
        if (alternatives.size() != 1 || alternatives.get(0).size() != 1) return Optional.empty();
        Specifier s = alternatives.get(0).get(0);
        if ((s.operator().equals("==") && !s.version().endsWith(".*")) || s.operator().equals("===")) {
            return Version.parse(s.version());
        }
        return Optional.empty();
    }

    /** PEP 440 clauses separated by commas; empty text admits everything. Empty when a clause is not PEP 440. */
    public static Optional<VersionSpec> pep440(String text) {
        String t = text.strip();
        if (t.isEmpty()) return Optional.of(ANY);
        List<Specifier> clauses = new ArrayList<>();
        for (String part : t.split(",")) {
            Optional<Specifier> s = Specifier.parse(part);
            if (s.isEmpty()) return Optional.empty();
            clauses.add(s.get());
        }
        return Optional.of(new VersionSpec(List.of(clauses), t));
    }

    /**
     * Poetry's constraint syntax (poetry-core {@code semver/helpers.py: parse_constraint}): {@code *}, an exact
     * {@code 1.2.3}, {@code ^1.2} (to the next major, or the next minor below 1.0), {@code ~1.2} (to the next
     * minor), {@code 1.2.*}, PEP 440 operators, clauses joined by commas or spaces, and alternatives by
     * {@code ||}.
     */
    public static Optional<VersionSpec> poetry(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("*")) return Optional.of(new VersionSpec(List.of(List.of()), t));
        List<List<Specifier>> alternatives = new ArrayList<>();
        for (String alternative : t.split("\\|\\|?")) {
            List<Specifier> all = new ArrayList<>();
            String[] words = alternative.strip().replaceAll("(==|!=|<=|>=|~=|<|>|\\^|~)\\s+", "$1").split("[,\\s]+");
            for (String w : words) {
                if (w.isEmpty() || w.equals("*")) continue;
                Optional<List<Specifier>> clause = poetryClause(w);
                if (clause.isEmpty()) return Optional.empty();
                all.addAll(clause.get());
            }
            alternatives.add(all);
        }
        return Optional.of(new VersionSpec(alternatives, t));
    }

    private static Optional<List<Specifier>> poetryClause(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.startsWith("^")) return bounded(w.substring(1), true);
        if (lower.startsWith("~") && !lower.startsWith("~=")) return bounded(w.substring(1), false);
        if (Character.isDigit(lower.charAt(0)) || lower.startsWith("v")) {
            if (lower.endsWith(".*")) return Specifier.parse("==" + w).map(List::of);
            return Specifier.parse("==" + w).map(List::of);
        }
        return Specifier.parse(w).map(List::of);
    }

    // ^1.2.3 -> >=1.2.3,<2.0.0; ^0.2.3 -> <0.3.0; ^0.0.3 -> <0.0.4; ~1.2.3 -> <1.3.0; ~1 -> <2
    private static Optional<List<Specifier>> bounded(String v, boolean caret) {
        Optional<Version> parsed = Version.parse(v);
        if (parsed.isEmpty()) return Optional.empty();
        List<Integer> r = parsed.get().release();
        int keep;
        if (caret) {
            keep = 0;
            while (keep < r.size() - 1 && r.get(keep) == 0) keep++;
            keep++;
        } else {
            keep = r.size() == 1 ? 1 : 2;
        }
        List<Integer> upper = new ArrayList<>(r.subList(0, Math.min(keep, r.size())));
        while (upper.size() < keep) upper.add(0);
        upper.set(keep - 1, upper.get(keep - 1) + 1);
        StringBuilder u = new StringBuilder();
        for (int i = 0; i < upper.size(); i++) u.append(i == 0 ? "" : ".").append(upper.get(i));
        return Optional.of(List.of(new Specifier(">=", v), new Specifier("<", u.toString())));
    }

    @Override
    public String toString() {
        return text;
    }
}
