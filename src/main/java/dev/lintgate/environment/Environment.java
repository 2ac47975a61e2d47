package dev.lintgate.environment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one project (a package root and the files below it that no nested root claims) declares it installs: every
 * requirement, constraint and locked package lintgate can read, and what it cannot read. Which versions of a
 * distribution it admits: a lock file's version when a lock names it; otherwise, per declaration, the versions its
 * specifier and the constraints that apply to it allow (a {@code -c} file, the {@code .txt} pip-compile made of an
 * {@code .in}), the newest known release of each release line, and for a bare name only the newest known release,
 * which is what installing it today gives.
 */
public final class Environment {

    /** Whether a distribution is installed: declared, not declared anywhere, or unknown (an unreadable declaration). */
    public enum Presence {
        DECLARED, ABSENT, UNKNOWN
    }

    private final String root;
    private final List<Declaration> declarations;
    private final List<Unreadable> unreadable;
    private final Map<Declaration, List<Declaration>> narrowing;
    private final Map<String, List<Declaration>> byName = new LinkedHashMap<>();
    private final List<String> pytestEntryPoints;

    Environment(String root, List<Declaration> declarations, List<Unreadable> unreadable,
                Map<Declaration, List<Declaration>> narrowing, List<String> pytestEntryPoints) {
        this.pytestEntryPoints = List.copyOf(pytestEntryPoints);
        this.root = root;
        this.declarations = declarations.stream()
                .sorted(Comparator.comparingInt((Declaration d) -> depth(d.path())).thenComparing(Declaration::path)
                        .thenComparingInt(Declaration::line)).toList();
        this.unreadable = List.copyOf(unreadable);
        this.narrowing = Map.copyOf(narrowing);
        for (Declaration d : this.declarations) byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
    }

    // declarations nearest the project's root come first: they are the ones messages cite
    private static int depth(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) if (path.charAt(i) == '/') n++;
        return n;
    }

    /** The package root of the project ({@code ""} for the repository root). */
    public String root() {
        return root;
    }

    public List<Declaration> declarations() {
        return declarations;
    }

    public List<Unreadable> unreadable() {
        return unreadable;
    }

    /** Where the project registers a pytest plugin of its own ({@code pytest11} entry points), "path:line". */
    public List<String> pytestEntryPoints() {
        return pytestEntryPoints;
    }

    /** No dependency file lintgate found says anything, readable or not. */
    public boolean declaresNothing() {
        return declarations.isEmpty() && unreadable.isEmpty();
    }

    /** Every normalised name declared. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The declarations of one distribution (any spelling: the name is normalised). */
    public List<Declaration> of(String name) {
        return byName.getOrDefault(Requirement.normalise(name), List.of());
    }

    public Presence presence(String name) {
        if (!of(name).isEmpty()) return Presence.DECLARED;
        return declaresNothing() || !unreadable.isEmpty() ? Presence.UNKNOWN : Presence.ABSENT;
    }

    /** Why a name that is not declared may still be installed, for messages; empty when it is simply absent. */
    public Optional<String> unknownBecause() {
        if (!unreadable.isEmpty()) return Optional.of("lintgate cannot read " + unreadable.get(0));
        if (declarations.isEmpty()) return Optional.of("the project declares no dependencies lintgate can read");
        return Optional.empty();
    }

    /**
     * The versions of a distribution this environment may install, among {@code known} (newest last); a pinned or
     * locked version is admitted whether the catalog knows it or not. Empty when nothing declares the distribution.
     */
    public List<Admitted> admitted(String name, List<Release> known) {
        List<Declaration> ds = of(name);
        Map<Version, Admitted> out = new TreeMap<>();
        for (Declaration d : ds) {
            if (d.kind() == Declaration.Kind.LOCKED) d.versions().pinned().ifPresent(v -> out.putIfAbsent(v, new Admitted(v, d)));
        }
        if (!out.isEmpty()) return List.copyOf(out.values());
        for (Declaration d : ds) {
            if (d.kind() == Declaration.Kind.LOCKED) continue;
            List<Declaration> narrow = narrowing.getOrDefault(d, List.of());
            Optional<Admitted> pin = pinned(d, narrow);
            if (pin.isPresent()) {
                out.putIfAbsent(pin.get().version(), pin.get());
                continue;
            }
            Map<String, Release> newestOfLine = new LinkedHashMap<>();
            Release newest = null;
            for (Release r : known) {
                if (r.yanked() || !d.versions().admits(r.version())) continue;
                if (!narrow.stream().allMatch(c -> c.versions().admits(r.version()))) continue;
                newestOfLine.merge(r.version().line(), r, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
                if (newest == null || r.version().compareTo(newest.version()) > 0) newest = r;
            }
            // a bare name installs the newest release; a range may hold any of its lines' newest releases
            boolean bare = d.versions().isAny() && narrow.stream().allMatch(c -> c.versions().isAny());
            if (bare && newest != null) {
                out.putIfAbsent(newest.version(), new Admitted(newest.version(), d));
            } else {
                for (Release r : newestOfLine.values()) out.putIfAbsent(r.version(), new Admitted(r.version(), d));
            }
        }
        return List.copyOf(out.values());
    }

    private static Optional<Admitted> pinned(Declaration d, List<Declaration> narrow) {
        Optional<Version> own = d.versions().pinned();
        if (own.isPresent()) return Optional.of(new Admitted(own.get(), d));
        for (Declaration c : narrow) {
            Optional<Version> v = c.versions().pinned();
            if (v.isPresent() && d.versions().admits(v.get())) return Optional.of(new Admitted(v.get(), c));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "environment of '" + root + "' (" + declarations.size() + " declarations, " + unreadable.size() + " unreadable)";
    }
}
